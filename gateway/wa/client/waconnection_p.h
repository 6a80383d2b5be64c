#pragma once

// Shared by the translation units of WaConnection (waconnection*.cpp); not part of the API.

#include "wa/binary/jid.h"
#include "wa/binary/node.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <openssl/crypto.h>

#include <memory>

namespace wagate::wa::waconnection_detail {


inline const QString kIq = QStringLiteral("iq");

//! Runs `work` on the global thread pool and `done(result)` back on `context`'s thread, unless
//! `context` is gone by then. For the PBKDF2 of the pairing code, which would stall the engine thread.
template<typename T, typename Work, typename Done>
void offload(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    auto promise = std::make_shared<QPromise<T>>();
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, work] {
        promise->start();
        promise->addResult(work());
        promise->finish();
        // The work used OpenSSL on a pool thread; free that thread's OpenSSL state now rather than
        // whenever the pool retires the thread (possibly during process exit).
        OPENSSL_thread_stop();
    });
}

inline Attribute to() { return {QStringLiteral("to"), Jid::serverJid()}; }

inline QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    for (int i = bytes - 1; i >= 0; --i) {
        out[i] = char(value & 0xFF);
        value >>= 8;
    }
    return out;
}

//! True for stanzas from WhatsApp itself: pairing iqs from anyone else are ignored (as whatsmeow
//! does, comparing typed JIDs).
inline bool fromServer(const Node &node)
{
    const auto from = node.jidAttr("from");
    return from && from->isServer() && from->server() == JidServer::User;
}

} // namespace wagate::wa::waconnection_detail
