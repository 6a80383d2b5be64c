#pragma once

#include "wafeature.h"

#include <QBasicTimer>
#include <QObject>

namespace wagate::wa {

//! Keepalive (PROTOCOL.md §7): a w:p ping at a random interval in [min, max] once logged in; an
//! unanswered ping ends the connection; the server's own pings are answered.
class KeepAliveFeature : public QObject, public WaFeature
{
public:
    struct Options
    {
        int minIntervalMs = 20000;
        int maxIntervalMs = 30000;
        int timeoutMs = 10000;
    };

    KeepAliveFeature(WaFeatureHost &host, Options options, QObject *parent = nullptr);

    //! Answers <iq type="get" xmlns="urn:xmpp:ping"> from the server.
    bool handleNode(const Node &node) override;
    void onLoggedIn() override;
    void onDisconnected() override;
    //! No more pings (logging out: the unlink has its own deadline).
    void stop();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void schedule();
    void ping();

    Options m_opt;
    QBasicTimer m_timer;
    quint64 m_epoch = 0; //!< bumped by stop(): answers and timeouts of older pings do nothing
};

} // namespace wagate::wa
