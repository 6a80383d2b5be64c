#include "prekeyfeature.h"

#include "authstate.h"
#include "signalsession.h"
#include "waconnection_p.h"

#include "core/logging.h"
#include "wa/binary/node.h"

namespace wagate::wa {

using namespace waconnection_detail;

namespace {

quint32 nextId(quint32 id)
{
    return id >= AuthState::kMaxPreKeyId ? 1 : id + 1;
}

} // namespace

PreKeyFeature::PreKeyFeature(WaFeatureHost &host, SignalSession &signal, Options options, QObject *parent)
    : QObject(parent), WaFeature(host), m_signal(signal), m_opt(options)
{
}

void PreKeyFeature::onDisconnected()
{
    ++m_epoch;
    m_uploading = false;
}

void PreKeyFeature::check(std::function<void()> done)
{
    const quint64 epoch = m_epoch;
    host().sendIq(Node(kIq, {to(), {QStringLiteral("type"), "get"}, {QStringLiteral("xmlns"), "encrypt"}},
                       {Node(QStringLiteral("count"))}),
                  m_opt.iqTimeoutMs,
                  [this, epoch, done](const Node &response) {
                      if (epoch != m_epoch)
                          return;
                      const auto count = response.child("count").intAttr("value");
                      if (response.attr("type") != QLatin1String("result") || !count) {
                          qCWarning(lcWa) << "pre-key count query failed; continuing";
                          done();
                      } else if (*count < m_opt.minPreKeys) {
                          // Out of the socket's read handler: the upload reads the store.
                          const int wanted = *count == 0 ? m_opt.initialBatch : m_opt.batch;
                          QMetaObject::invokeMethod(
                              this, [this, epoch, wanted, done] {
                                  if (epoch == m_epoch)
                                      upload(wanted, done);
                              },
                              Qt::QueuedConnection);
                      } else {
                          done();
                      }
                  },
                  [this, epoch, done] {
                      if (epoch != m_epoch)
                          return;
                      qCWarning(lcWa) << "pre-key count query timed out; continuing";
                      done();
                  });
}

bool PreKeyFeature::handleNode(const Node &node)
{
    if (node.tag() != QLatin1String("notification") || node.attr("type") != QLatin1String("encrypt")
        || !node.hasChild("count"))
        return false;
    const auto count = node.child("count").intAttr("value");
    if (count && *count < m_opt.minPreKeys && host().isReady() && !m_uploading) {
        m_uploading = true;
        const quint64 epoch = m_epoch;
        QMetaObject::invokeMethod(
            this, [this, epoch] {
                if (epoch == m_epoch)
                    upload(m_opt.batch, [] {});
            },
            Qt::QueuedConnection);
    }
    return true;
}

void PreKeyFeature::upload(int wanted, std::function<void()> done)
{
    m_uploading = true;
    AuthState &auth = host().auth();
    // Keys generated earlier but never confirmed by the server go first: peers may hold none of
    // them, but they are in the store and cost nothing to offer.
    QList<std::pair<quint32, QByteArray>> keys;
    for (quint32 id = auth.firstUnuploadedPreKeyId; id != auth.nextPreKeyId && keys.size() < wanted; id = nextId(id)) {
        auto record = m_signal.batch().load(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(id));
        if (record && *record) {
            const QByteArray pub = SignalProtocol::preKeyRecordPublic(**record);
            if (!pub.isEmpty())
                keys.append({id, pub});
        }
    }
    m_signal.batch().discard(); // only reads so far
    if (keys.size() >= wanted) {
        send(keys, auth.nextPreKeyId, done);
        return;
    }
    const int missing = wanted - int(keys.size());
    // Ids are taken now; a crash before they are stored only leaves a gap.
    QList<quint32> ids;
    ids.reserve(missing);
    quint32 id = auth.nextPreKeyId;
    for (int i = 0; i < missing; ++i) {
        ids.append(id);
        id = nextId(id);
    }
    const quint64 epoch = m_epoch;
    offload<QList<std::pair<quint32, std::pair<QByteArray, QByteArray>>>>(
        this,
        [ids] {
            QList<std::pair<quint32, std::pair<QByteArray, QByteArray>>> out;
            out.reserve(ids.size());
            for (quint32 n : ids) {
                KeyPair pair = KeyPair::generate();
                out.append({n, {SignalProtocol::preKeyRecord(n, pair), pair.pub}});
                pair.priv.fill('\0');
            }
            return out;
        },
        [this, epoch, keys, next = id, done](QList<std::pair<quint32, std::pair<QByteArray, QByteArray>>> generated) {
            if (epoch != m_epoch)
                return;
            AuthState &auth = host().auth();
            QList<std::pair<quint32, QByteArray>> all = keys;
            for (auto &[n, record] : generated) {
                m_signal.batch().put(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(n), record.first);
                record.first.fill('\0');
                all.append({n, record.second});
            }
            if (keys.isEmpty() && !all.isEmpty())
                auth.firstUnuploadedPreKeyId = all.first().first;
            auth.nextPreKeyId = next;
            // In the store before WhatsApp can hand out any of them: a peer may use any uploaded key.
            if (auto r = m_signal.flush(); !r) {
                qCWarning(lcWa) << "pre-keys could not be stored; not uploading them";
                m_signal.discardPending();
                m_uploading = false;
                done();
                return;
            }
            host().persistAuth();
            if (epoch != m_epoch)
                return;
            send(all, next, done);
        });
}

void PreKeyFeature::send(const QList<std::pair<quint32, QByteArray>> &keys, quint32 next, std::function<void()> done)
{
    const AuthState &auth = host().auth();
    QList<Node> list;
    list.reserve(keys.size());
    for (const auto &[id, pub] : keys) {
        list.append(Node(QStringLiteral("key"), {},
                         QList<Node>{Node(QStringLiteral("id"), {}, bigEndian(id, 3)), Node(QStringLiteral("value"), {}, pub)}));
    }
    const SignedPreKey &spk = auth.signedPreKey;
    Node skey(QStringLiteral("skey"), {},
              QList<Node>{Node(QStringLiteral("id"), {}, bigEndian(spk.id, 3)), Node(QStringLiteral("value"), {}, spk.keyPair.pub),
                          Node(QStringLiteral("signature"), {}, spk.signature)});
    Node iq(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "encrypt"}},
            QList<Node>{Node(QStringLiteral("registration"), {}, bigEndian(auth.registrationId, 4)),
                        Node(QStringLiteral("type"), {}, QByteArray(1, '\x05')),
                        Node(QStringLiteral("identity"), {}, auth.identityKey.pub), Node(QStringLiteral("list"), {}, list),
                        skey});
    qCInfo(lcWa) << "uploading" << keys.size() << "pre-keys";
    const quint64 epoch = m_epoch;
    host().sendIq(iq, m_opt.iqTimeoutMs,
                  [this, epoch, next, done](const Node &response) {
                      if (epoch != m_epoch)
                          return;
                      m_uploading = false;
                      if (response.attr("type") == QLatin1String("result")) {
                          host().auth().firstUnuploadedPreKeyId = next;
                          host().persistAuth();
                          if (epoch != m_epoch)
                              return;
                      } else {
                          qCWarning(lcWa) << "pre-key upload refused; retried on the next login";
                      }
                      done();
                  },
                  [this, epoch, done] {
                      if (epoch != m_epoch)
                          return;
                      m_uploading = false;
                      qCWarning(lcWa) << "pre-key upload timed out; retried on the next login";
                      done();
                  });
}

} // namespace wagate::wa
