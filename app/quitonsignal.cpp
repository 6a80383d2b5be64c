#include "quitonsignal.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace wagate {

namespace {

int g_fds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    // write() is async-signal-safe; the event loop picks it up.
    [[maybe_unused]] const auto n = ::write(g_fds[1], &c, 1);
}

} // namespace

QuitOnSignal::QuitOnSignal(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_fds[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_fds[0], &c, 1);
        qCInfo(lcApp) << "stopping";
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    m_valid = true;
}

QuitOnSignal::~QuitOnSignal()
{
    if (!m_valid)
        return;
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    ::close(g_fds[0]);
    ::close(g_fds[1]);
}

} // namespace wagate
