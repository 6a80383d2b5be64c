// wasim_load: holds many logged-in linked-device connections against a running wasim, for the
// connection benchmark (tests/bench/wasim-connections). One thread, event-driven:
//
// 1. setup: creates phones and links one device per connection directly through the control API
//    (POST /phones, POST /phones/{phone}/devices with a fresh noise key each);
// 2. ramp: opens the WebSockets with a bounded number of handshakes in flight; each does the Noise
//    handshake and logs in with its device;
// 3. hold: keeps all of them alive with w:p pings, each connection once per ping interval, spread
//    evenly over time, and measures the answers.
//
// stdout gets machine-readable lines: "setup SECONDS", "ready LOGGED_IN SECONDS", "done {json}".
// Progress goes to stderr.

#include "wasim/companion.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace wagate;
using namespace wagate::wasim;

namespace {

struct Options
{
    QUrl url;
    QUrl control;
    QByteArray rootKey;
    int connections = 10000;
    int concurrency = 200;
    int perPhone = 200;
    int pingIntervalMs = 25000;
    int holdMs = 60000;
    QString phonePrefix = QStringLiteral("4915");
};

void line(const QByteArray &text)
{
    std::fprintf(stdout, "%s\n", text.constData());
    std::fflush(stdout);
}

void progress(const QString &text)
{
    std::fprintf(stderr, "wasim_load: %s\n", qPrintable(text));
}

class LoadClient : public QObject
{
public:
    explicit LoadClient(Options options) : m_options(std::move(options)) {}

    void start()
    {
        m_clock.start();
        const int phones = (m_options.connections + m_options.perPhone - 1) / m_options.perPhone;
        m_pendingRequests = phones;
        for (int p = 0; p < phones; ++p)
            createPhone(p);
    }

private:
    QString phoneNumber(int p) const
    {
        return m_options.phonePrefix + QStringLiteral("%1").arg(p, 7, 10, QLatin1Char('0'));
    }

    void post(const QString &path, const QJsonObject &body, std::function<void(int, const QJsonObject &)> done)
    {
        QUrl url = m_options.control;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
            done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QJsonDocument::fromJson(reply->readAll()).object());
            reply->deleteLater();
        });
    }

    void createPhone(int p)
    {
        post(QStringLiteral("/phones"), {{QStringLiteral("phoneNumber"), phoneNumber(p)}},
             [this, p](int status, const QJsonObject &) {
                 if (status != 201 && status != 409) // 409: left over from an earlier run, fine
                     fatal(QStringLiteral("creating phone %1 answered %2").arg(phoneNumber(p)).arg(status));
                 if (--m_pendingRequests == 0)
                     registerDevices();
             });
    }

    void registerDevices()
    {
        progress(QStringLiteral("phones created after %1 ms; linking %2 devices").arg(m_clock.elapsed()).arg(m_options.connections));
        m_pendingRequests = m_options.connections;
        m_companions.reserve(m_options.connections);
        for (int i = 0; i < m_options.connections; ++i) {
            auto *companion = new Companion(CompanionKeys::generate(), m_options.rootKey, this);
            m_companions.append(companion);
            const QJsonObject body{{QStringLiteral("noiseKey"), QString::fromLatin1(companion->keys().noise.pub.toBase64())}};
            post(QStringLiteral("/phones/%1/devices").arg(phoneNumber(i / m_options.perPhone)), body,
                 [this, companion](int status, const QJsonObject &device) {
                     if (status != 201)
                         fatal(QStringLiteral("linking a device answered %1").arg(status));
                     CompanionAccount account;
                     account.jid = *wa::Jid::parse(device.value(QStringLiteral("jid")).toString());
                     account.lid = *wa::Jid::parse(device.value(QStringLiteral("lid")).toString());
                     companion->setAccount(account);
                     if (--m_pendingRequests == 0)
                         ramp();
                 });
        }
    }

    void ramp()
    {
        line("setup " + QByteArray::number(m_clock.elapsed() / 1000.0, 'f', 1));
        progress(QStringLiteral("devices linked after %1 ms; connecting").arg(m_clock.elapsed()));
        m_rampClock.start();
        for (Companion *c : std::as_const(m_companions)) {
            connect(c, &Companion::loggedIn, this, [this] {
                --m_inFlight;
                ++m_loggedIn;
                if (m_loggedIn % 1000 == 0)
                    progress(QStringLiteral("%1 logged in").arg(m_loggedIn));
                openMore();
                if (m_loggedIn + m_failed == m_options.connections)
                    hold();
            });
            connect(c, &Companion::pong, this, [this](const QString &, qint64 rtt) {
                ++m_pongs;
                m_rtts.push_back(int(rtt));
            });
            auto failedBeforeLogin = [this, c](const QString &why) {
                if (c->state() == Companion::State::LoggedIn)
                    return;
                --m_inFlight;
                ++m_failed;
                if (m_failed <= 5)
                    progress(QStringLiteral("a connection failed before login: %1").arg(why));
                openMore();
                if (m_loggedIn + m_failed == m_options.connections)
                    hold();
            };
            connect(c, &Companion::handshakeFailed, this, failedBeforeLogin);
            connect(c, &Companion::loginFailed, this, [failedBeforeLogin](int reason) {
                failedBeforeLogin(QStringLiteral("failure %1").arg(reason));
            });
            connect(c, &Companion::disconnected, this, [this, c, failedBeforeLogin] {
                if (m_holding)
                    ++m_lostDuringHold;
                else if (c->state() != Companion::State::LoggedIn)
                    failedBeforeLogin(QStringLiteral("disconnected"));
            });
        }
        openMore();
    }

    void openMore()
    {
        while (m_inFlight < m_options.concurrency && m_next < m_companions.size()) {
            ++m_inFlight;
            m_companions[m_next++]->open(m_options.url);
        }
    }

    void hold()
    {
        if (m_holding)
            return;
        m_holding = true;
        m_rampMs = m_rampClock.elapsed();
        line("ready " + QByteArray::number(m_loggedIn) + ' ' + QByteArray::number(m_rampMs / 1000.0, 'f', 1));
        progress(QStringLiteral("%1 logged in, %2 failed, after %3 ms; keeping alive for %4 s")
                     .arg(m_loggedIn).arg(m_failed).arg(m_rampMs).arg(m_options.holdMs / 1000));
        m_rtts.clear();
        m_pongs = 0;
        // Every connection pings once per interval; a tick every 100 ms pings the next slice.
        constexpr int kTickMs = 100;
        const double perTick = double(m_companions.size()) * kTickMs / m_options.pingIntervalMs;
        auto *ticker = new QTimer(this);
        connect(ticker, &QTimer::timeout, this, [this, perTick] {
            m_pingBudget += perTick;
            while (m_pingBudget >= 1.0) {
                m_pingBudget -= 1.0;
                Companion *c = m_companions[m_pingCursor++ % m_companions.size()];
                if (c->state() == Companion::State::LoggedIn) {
                    c->sendPing();
                    ++m_pings;
                }
            }
        });
        ticker->start(kTickMs);
        QTimer::singleShot(m_options.holdMs, this, &LoadClient::finish);
    }

    void finish()
    {
        std::sort(m_rtts.begin(), m_rtts.end());
        auto percentile = [this](double q) {
            return m_rtts.empty() ? -1 : m_rtts[std::min(m_rtts.size() - 1, size_t(q * double(m_rtts.size())))];
        };
        int stillLoggedIn = 0;
        for (const Companion *c : std::as_const(m_companions))
            stillLoggedIn += c->state() == Companion::State::LoggedIn ? 1 : 0;
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const QJsonObject summary{
            {QStringLiteral("connections"), m_options.connections},
            {QStringLiteral("loggedIn"), m_loggedIn},
            {QStringLiteral("failed"), m_failed},
            {QStringLiteral("rampSeconds"), m_rampMs / 1000.0},
            {QStringLiteral("stillLoggedIn"), stillLoggedIn},
            {QStringLiteral("lostDuringHold"), m_lostDuringHold},
            {QStringLiteral("pings"), m_pings},
            {QStringLiteral("pongs"), m_pongs},
            {QStringLiteral("rttP50Ms"), percentile(0.5)},
            {QStringLiteral("rttP99Ms"), percentile(0.99)},
            {QStringLiteral("rttMaxMs"), m_rtts.empty() ? -1 : m_rtts.back()},
            {QStringLiteral("clientMaxRssMiB"), qint64(usage.ru_maxrss / 1024)},
        };
        line("done " + QJsonDocument(summary).toJson(QJsonDocument::Compact));
        QCoreApplication::exit(m_failed == 0 && m_lostDuringHold == 0 ? 0 : 1);
    }

    [[noreturn]] void fatal(const QString &message)
    {
        progress(message);
        std::exit(1);
    }

    Options m_options;
    QNetworkAccessManager m_nam;
    QElapsedTimer m_clock;
    QElapsedTimer m_rampClock;
    QList<Companion *> m_companions;
    int m_pendingRequests = 0;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_loggedIn = 0;
    int m_failed = 0;
    int m_lostDuringHold = 0;
    bool m_holding = false;
    qint64 m_rampMs = 0;
    double m_pingBudget = 0;
    qsizetype m_pingCursor = 0;
    qint64 m_pings = 0;
    qint64 m_pongs = 0;
    std::vector<int> m_rtts;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Holds many logged-in connections against a running wasim."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("wasim's WebSocket URL."), QStringLiteral("url"));
    const QCommandLineOption control(QStringLiteral("control"), QStringLiteral("wasim's control URL."), QStringLiteral("url"));
    const QCommandLineOption root(QStringLiteral("root-key"), QStringLiteral("wasim's root key (hex)."), QStringLiteral("hex"));
    const QCommandLineOption count(QStringLiteral("connections"), QStringLiteral("Connections to hold."),
                                   QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Handshakes in flight."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption perPhone(QStringLiteral("devices-per-phone"), QStringLiteral("Devices per phone (max 255)."),
                                      QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption interval(QStringLiteral("ping-interval"), QStringLiteral("Seconds between a connection's pings."),
                                      QStringLiteral("s"), QStringLiteral("25"));
    const QCommandLineOption hold(QStringLiteral("hold"), QStringLiteral("Seconds to keep the connections alive."),
                                  QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption prefix(QStringLiteral("phone-prefix"), QStringLiteral("Digits the phone numbers start with."),
                                    QStringLiteral("digits"), QStringLiteral("4915"));
    parser.addOptions({url, control, root, count, concurrency, perPhone, interval, hold, prefix});
    parser.process(app);

    Options options;
    options.url = QUrl(parser.value(url));
    options.control = QUrl(parser.value(control));
    options.rootKey = QByteArray::fromHex(parser.value(root).toLatin1());
    options.connections = parser.value(count).toInt();
    options.concurrency = std::max(1, parser.value(concurrency).toInt());
    options.perPhone = std::clamp(parser.value(perPhone).toInt(), 1, 255);
    options.pingIntervalMs = std::max(1, parser.value(interval).toInt()) * 1000;
    options.holdMs = std::max(1, parser.value(hold).toInt()) * 1000;
    options.phonePrefix = parser.value(prefix);
    if (!options.url.isValid() || !options.control.isValid() || options.rootKey.size() != 32 || options.connections < 1) {
        std::fprintf(stderr, "wasim_load: --url, --control and --root-key (64 hex digits) are required\n");
        return 2;
    }
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    LoadClient client(options);
    QTimer::singleShot(0, &client, &LoadClient::start);
    return QCoreApplication::exec();
}
