#pragma once

#include <QFutureWatcher>
#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace wagate {

//! Runs work() on pool and calls done(result) on context's thread — unless context is gone by then,
//! when the result is dropped. The one way slow work (password hashing, key derivation) leaves a
//! thread that must not block. Call it on context's thread: the answer travels through a
//! QFutureWatcher that is context's child, so nothing of context is touched from the pool, and
//! context need not wait for the pool before it goes.
template<typename Work, typename Done>
void offload(QThreadPool &pool, QObject *context, Work work, Done done)
{
    using T = std::invoke_result_t<Work &>;
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    auto promise = std::make_shared<QPromise<T>>();
    watcher->setFuture(promise->future());
    pool.start([promise, work = std::move(work)]() mutable {
        promise->start();
        promise->addResult(work());
        promise->finish();
    });
}

//! Calls done(value) on the next turn of context's event loop (context's thread is the caller's):
//! for an answer known at once that the caller expects later, like every other answer.
template<typename Done, typename T>
void answerLater(QObject *context, Done done, T value)
{
    QMetaObject::invokeMethod(context, [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); },
                              Qt::QueuedConnection);
}

} // namespace wagate
