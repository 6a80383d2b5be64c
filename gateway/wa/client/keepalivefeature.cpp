#include "keepalivefeature.h"

#include "wa/binary/node.h"

#include <QRandomGenerator>
#include <QTimerEvent>

namespace wagate::wa {

KeepAliveFeature::KeepAliveFeature(WaFeatureHost &host, Options options, QObject *parent)
    : QObject(parent), WaFeature(host), m_opt(options)
{
}

bool KeepAliveFeature::handleNode(const Node &node)
{
    if (node.tag() != QLatin1String("iq") || node.attr("type") != QLatin1String("get")
        || node.attr("xmlns") != QLatin1String("urn:xmpp:ping"))
        return false;
    const auto from = node.jidAttr("from");
    if (!from || !from->isServer() || from->server() != JidServer::User)
        return false; // only WhatsApp itself pings us
    host().sendNode(Node(QStringLiteral("iq"), {{QStringLiteral("to"), Jid::serverJid()},
                                                {QStringLiteral("type"), "result"},
                                                {QStringLiteral("id"), node.attr("id")}}));
    return true;
}

void KeepAliveFeature::onLoggedIn()
{
    ++m_epoch;
    schedule();
}

void KeepAliveFeature::onDisconnected()
{
    stop();
}

void KeepAliveFeature::stop()
{
    ++m_epoch;
    m_timer.stop();
}

void KeepAliveFeature::schedule()
{
    const int low = qMax(1, m_opt.minIntervalMs);
    const int high = qMax(low, m_opt.maxIntervalMs);
    m_timer.start(low == high ? low : int(QRandomGenerator::global()->bounded(low, high + 1)), Qt::CoarseTimer, this);
}

void KeepAliveFeature::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    ping();
}

void KeepAliveFeature::ping()
{
    const quint64 epoch = m_epoch;
    host().sendIq(Node(QStringLiteral("iq"), {{QStringLiteral("to"), Jid::serverJid()},
                                               {QStringLiteral("type"), "get"},
                                               {QStringLiteral("xmlns"), "w:p"}},
                       QList<Node>{Node(QStringLiteral("ping"))}),
                  m_opt.timeoutMs,
                  [this, epoch](const Node &) {
                      if (epoch == m_epoch)
                          schedule(); // any answer proves the link is alive
                  },
                  [this, epoch] {
                      if (epoch != m_epoch)
                          return;
                      host().failConnection(DisconnectReason{
                          DisconnectOutcome::Retryable, QStringLiteral("keepalive_timeout"),
                          QStringLiteral("WhatsApp did not answer a keepalive within %1 ms; the link is dead.")
                              .arg(m_opt.timeoutMs),
                          0});
                  });
}

} // namespace wagate::wa
