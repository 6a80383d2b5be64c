#include "keychainqueue.h"

#include "core/logging.h"

#include <QThread>

#include <memory>

#include <qt6keychain/keychain.h>

namespace wagate {

namespace {

//! Carries one answer to the asker's thread. It is connected to the asker when the request is made,
//! on the asker's own thread where touching the asker is safe; from then on only Qt's connection
//! machinery looks at the asker, and it drops the call if the asker is destroyed first — which a
//! pointer check from the keychain's thread could not promise.
class Delivery : public QObject
{
    Q_OBJECT
public:
    //! Shared with the queued call, which may run after this object is gone.
    std::shared_ptr<std::function<void()>> answer = std::make_shared<std::function<void()>>();
signals:
    void ready();
};

} // namespace

KeychainQueue::KeychainQueue(QObject *parent) : QObject(parent) {}

KeychainQueue::~KeychainQueue()
{
    // Questions never answered: their askers hear nothing.
    for (const Op &op : std::as_const(m_queue))
        delete op.delivery;
    if (m_current)
        delete m_current->delivery;
}

Error KeychainQueue::unavailableError(const QString &detail)
{
    return Error::unavailable(
        QStringLiteral("the OS keychain is not available (%1); start a Secret Service provider such as "
                       "gnome-keyring, or keep secrets in a file readable only by you with --secrets file:PATH")
            .arg(detail));
}

QObject *KeychainQueue::deliveryTo(QObject *context)
{
    if (!context)
        return nullptr;
    auto *delivery = new Delivery;
    connect(delivery, &Delivery::ready, context, [answer = delivery->answer] {
        if (*answer)
            (*answer)();
    }, Qt::QueuedConnection);
    // From here the delivery belongs to the queue's thread, which emits and deletes it.
    delivery->moveToThread(thread());
    return delivery;
}

void KeychainQueue::deliver(Op &op, std::function<void()> answer)
{
    auto *delivery = static_cast<Delivery *>(op.delivery);
    if (!delivery) {
        answer(); // nobody to hop to: on this thread
        return;
    }
    *delivery->answer = std::move(answer); // before the emission, which orders it for the asker's thread
    emit delivery->ready();
    delivery->deleteLater();
    op.delivery = nullptr;
}

void KeychainQueue::read(const QString &service, const QString &account, QObject *context, ReadDone done)
{
    Op op;
    op.kind = Op::Kind::Read;
    op.service = service;
    op.account = account;
    op.delivery = deliveryTo(context);
    op.readDone = std::move(done);
    enqueue(std::move(op));
}

void KeychainQueue::write(const QString &service, const QString &account, const QByteArray &secret, QObject *context,
                          Done done)
{
    Op op;
    op.kind = Op::Kind::Write;
    op.service = service;
    op.account = account;
    op.secret = secret;
    op.delivery = deliveryTo(context);
    op.done = std::move(done);
    enqueue(std::move(op));
}

void KeychainQueue::remove(const QString &service, const QString &account, QObject *context, Done done)
{
    Op op;
    op.kind = Op::Kind::Remove;
    op.service = service;
    op.account = account;
    op.delivery = deliveryTo(context);
    op.done = std::move(done);
    enqueue(std::move(op));
}

void KeychainQueue::enqueue(Op op)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this, op = std::move(op)]() mutable { enqueue(std::move(op)); },
                                  Qt::QueuedConnection);
        return;
    }
    m_queue.enqueue(std::move(op));
    startNext();
}

void KeychainQueue::startNext()
{
    // finished() may fire inside start(); the loop (not recursion) then starts the next job.
    if (m_starting)
        return;
    m_starting = true;
    while (!m_current && !m_queue.isEmpty()) {
        m_current = m_queue.dequeue();
        const Op &op = *m_current;
        QKeychain::Job *job = nullptr;
        switch (op.kind) {
        case Op::Kind::Read: {
            auto *read = new QKeychain::ReadPasswordJob(op.service, this);
            connect(read, &QKeychain::Job::finished, this, [this, read] {
                finishCurrent(read->error(), read->errorString(), read->binaryData());
            });
            job = read;
            break;
        }
        case Op::Kind::Write: {
            auto *write = new QKeychain::WritePasswordJob(op.service, this);
            write->setBinaryData(op.secret);
            connect(write, &QKeychain::Job::finished, this,
                    [this, write] { finishCurrent(write->error(), write->errorString(), {}); });
            job = write;
            break;
        }
        case Op::Kind::Remove: {
            auto *remove = new QKeychain::DeletePasswordJob(op.service, this);
            connect(remove, &QKeychain::Job::finished, this,
                    [this, remove] { finishCurrent(remove->error(), remove->errorString(), {}); });
            job = remove;
            break;
        }
        }
        job->setKey(op.account);
        job->setAutoDelete(true);
        job->start();
    }
    m_starting = false;
}

void KeychainQueue::finishCurrent(int error, const QString &errorString, const QByteArray &data)
{
    if (!m_current)
        return;
    Op op = std::move(*m_current);
    m_current.reset();

    const auto code = QKeychain::Error(error);
    Result<void> status;
    if (code == QKeychain::EntryNotFound) {
        status = Error::notFound(QStringLiteral("no such secret"));
    } else if (code != QKeychain::NoError) {
        qCWarning(lcAuth).noquote() << "keychain job failed:" << error << errorString;
        status = unavailableError(errorString.isEmpty() ? QStringLiteral("error %1").arg(error) : errorString);
    }

    if (op.kind == Op::Kind::Read) {
        Result<QByteArray> result = status ? Result<QByteArray>(data) : Result<QByteArray>(status.error());
        deliver(op, [done = std::move(op.readDone), result = std::move(result)] {
            if (done)
                done(result);
        });
    } else {
        if (op.kind == Op::Kind::Remove && !status && status.error().code == ErrorCode::NotFound)
            status = Result<void>();
        deliver(op, [done = std::move(op.done), status] {
            if (done)
                done(status);
        });
    }
    startNext();
}

} // namespace wagate

#include "keychainqueue.moc"
