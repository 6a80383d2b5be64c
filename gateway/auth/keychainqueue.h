#pragma once

#include "core/result.h"

#include <QObject>
#include <QQueue>

#include <functional>

namespace wagate {

//! The one door to the OS keychain (QtKeychain). QtKeychain runs its jobs one at a time per process
//! and may report a job finished before start() returns, so every keychain user (the secret store on
//! the engine thread, operator profiles on the GUI thread) goes through one queue living on one thread.
//! Calls are thread-safe; each answer is delivered on the thread of the given context object, always
//! by a queued call (also when that is this object's thread), and is dropped if the object is gone
//! by then. The context is touched only on the caller's thread, when the request is made.
class KeychainQueue : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QByteArray>)>;
    using Done = std::function<void(Result<void>)>;

    explicit KeychainQueue(QObject *parent = nullptr);
    ~KeychainQueue() override;

    //! The secret stored for (service, account); not_found when there is none, unavailable when no
    //! keychain answers.
    void read(const QString &service, const QString &account, QObject *context, ReadDone done);
    void write(const QString &service, const QString &account, const QByteArray &secret, QObject *context, Done done);
    //! Removing an absent entry succeeds.
    void remove(const QString &service, const QString &account, QObject *context, Done done);

    //! The error every keychain failure maps to: it names the explicit alternative.
    static Error unavailableError(const QString &detail);

private:
    struct Op
    {
        enum class Kind { Read, Write, Remove } kind = Kind::Read;
        QString service;
        QString account;
        QByteArray secret;
        QObject *delivery = nullptr; //!< carries the answer to the asker's thread; null: answer here
        ReadDone readDone;
        Done done;
    };
    //! Made on the asker's thread, while the asker is certainly alive.
    QObject *deliveryTo(QObject *context);
    void deliver(Op &op, std::function<void()> answer);
    void enqueue(Op op);
    void startNext();
    void finishCurrent(int error, const QString &errorString, const QByteArray &data);

    QQueue<Op> m_queue;
    std::optional<Op> m_current;
    bool m_starting = false;
};

} // namespace wagate
