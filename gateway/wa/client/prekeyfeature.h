#pragma once

#include "wafeature.h"

#include <QObject>

#include <functional>

namespace wagate::wa {

class SignalSession;
struct KeyPair;

//! One-time pre-keys (MESSAGING.md §2): after the login the count WhatsApp holds is asked, and
//! below the minimum a batch is generated (off the connection's thread), written to the Signal
//! store, and only then uploaded; an `encrypt` notification with a low count refills the same way.
//! Keys live in the store, not in memory; what AuthState keeps is the id bookkeeping.
class PreKeyFeature : public QObject, public WaFeature
{
public:
    struct Options
    {
        int iqTimeoutMs = 30000;
        int minPreKeys = 5;          //!< upload when the server holds fewer
        int initialBatch = 812;      //!< keys uploaded when it holds none
        int batch = 50;              //!< keys uploaded when it runs low
    };

    PreKeyFeature(WaFeatureHost &host, SignalSession &signal, Options options, QObject *parent = nullptr);

    //! The post-login check: count, maybe upload, then `done` (also on errors and timeouts: a
    //! failed upload is retried at the next login and never blocks the link).
    void check(std::function<void()> done);
    //! <notification type="encrypt"><count value/></notification>: a refill when low.
    bool handleNode(const Node &node) override;
    void onDisconnected() override;

private:
    void upload(int wanted, std::function<void()> done);
    void send(const QList<std::pair<quint32, QByteArray>> &keys, quint32 next, std::function<void()> done);

    SignalSession &m_signal;
    Options m_opt;
    quint64 m_epoch = 0;
    bool m_uploading = false;
};

} // namespace wagate::wa
