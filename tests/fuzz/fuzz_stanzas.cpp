// The pure parsers of messaging under arbitrary input: the Message protobuf with its wrappers
// (message::decode), and the stanza parsers for messages, receipts, acks, usync results and pre-key
// bundles (gateway/wa/message). Every result must be self-consistent: a decoded text is the text of
// what re-encodes from it, ids are present, bundles have keys of the sizes the Signal layer wants.
//
// Input: [mode][bytes...] with mode % 2:
//   0  the bytes are a padded plaintext
//   1  the bytes are a whole bare node, handed to every stanza parser
//
// WAGATE_WRITE_SEEDS=DIR writes the seed corpus (real plaintexts and stanzas) and exits.

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/message/messagecodec.h"
#include "wa/message/stanzas.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace wagate;
using namespace wagate::wa;

namespace {

//! Aborts (a finding) naming the check that failed.
#define check(condition)                                                                                   \
    do {                                                                                                   \
        if (!(condition)) {                                                                                \
            std::fprintf(stderr, "check failed at %s:%d: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                  \
        }                                                                                                  \
    } while (false)

void checkBundle(const PreKeyBundle &b)
{
    check(b.identityKey.size() == 32 && b.signedPreKey.size() == 32 && b.signedPreKeySignature.size() == 64);
    check(!b.preKeyId || b.preKey.size() == 32);
}

void writeSeeds(const QString &dir)
{
    QDir().mkpath(dir);
    const auto write = [&](const char *name, char mode, const QByteArray &bytes) {
        QFile file(dir + QLatin1Char('/') + QLatin1String(name));
        check(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1, mode) + bytes);
    };
    const auto node = [](const Node &n) { return *NodeEncoder::encodeNode(n); };
    const Jid peer(QStringLiteral("15550001111"), QStringLiteral("s.whatsapp.net"), 3);
    const QByteArray text = message::encodeText(QStringLiteral("Hello 👋"));
    write("text", 0, message::pad(text, 4));
    write("device_sent", 0, message::pad(message::encodeDeviceSent(Jid::phone(QStringLiteral("15550002222")), text), 9));
    write("skdm", 0, message::pad(message::encodeSenderKeyDistribution(QStringLiteral("1203@g.us"), "key"), 1));
    write("message", 1,
          node(Node(QStringLiteral("message"),
                    {{QStringLiteral("from"), peer}, {QStringLiteral("id"), "3EB05C9CEFF5A8EFFC0B4A"},
                     {QStringLiteral("t"), "1735689600"}, {QStringLiteral("type"), "text"},
                     {QStringLiteral("sender_lid"), Jid(QStringLiteral("987"), QStringLiteral("lid"))}},
                    QList<Node>{Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), "msg"}},
                                     QByteArray(40, 'x'))})));
    PreKeyBundle b;
    b.registrationId = 7;
    b.identityKey = QByteArray(32, 'i');
    b.signedPreKeyId = 1;
    b.signedPreKey = QByteArray(32, 's');
    b.signedPreKeySignature = QByteArray(64, 'g');
    b.preKeyId = 9;
    b.preKey = QByteArray(32, 'k');
    stanza::IncomingEnvelope e;
    e.id = QStringLiteral("ABC");
    e.from = peer;
    write("retry_receipt", 1, node(Node(stanza::retryReceipt(e, 2, 7, b, QByteArray("adv"))).setAttr(QStringLiteral("from"), peer)));
    write("read_receipt", 1,
          node(Node(stanza::readReceipt(Jid::phone(QStringLiteral("15550001111")), {}, {QStringLiteral("A"), QStringLiteral("B")}, 1))
                   .setAttr(QStringLiteral("from"), peer)));
    write("bundles", 1,
          node(Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}},
                    QList<Node>{Node(QStringLiteral("list"), {},
                                     QList<Node>{Node(QStringLiteral("user"), {{QStringLiteral("jid"), peer}},
                                                      stanza::bundleChildren(b))})})));
    Node deviceList(QStringLiteral("device-list"), {},
                    QList<Node>{Node(QStringLiteral("device"), {{QStringLiteral("id"), "0"}}),
                                Node(QStringLiteral("device"), {{QStringLiteral("id"), "3"}, {QStringLiteral("key-index"), "1"}})});
    Node user(QStringLiteral("user"), {{QStringLiteral("jid"), Jid::phone(QStringLiteral("1555"))}},
              QList<Node>{Node(QStringLiteral("devices"), {}, QList<Node>{deviceList}),
                          Node(QStringLiteral("lid"), {{QStringLiteral("val"), Jid(QStringLiteral("98"), QStringLiteral("lid"))}})});
    Node usync(QStringLiteral("usync"), {}, QList<Node>{Node(QStringLiteral("list"), {}, QList<Node>{user})});
    write("usync", 1, node(Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}}, QList<Node>{usync})));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("wagate.*=false"));
    if (const char *dir = std::getenv("WAGATE_WRITE_SEEDS")) {
        writeSeeds(QString::fromLocal8Bit(dir));
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] % 2 == 0) {
        const auto content = message::decode(bytes);
        if (content && content->kind == message::Content::Kind::Text) {
            // The text survives a round trip through what we send.
            const auto again = message::decodeUnpadded(message::encodeText(content->text));
            check(again.ok() && again->text == content->text);
        }
        const auto unpadded = message::unpad(bytes);
        check(!unpadded || unpadded->size() < bytes.size());
        return 0;
    }
    static const NodeDecoder decoder;
    auto decoded = decoder.decodeNode(bytes);
    if (!decoded)
        return 0;
    const Node &node = decoded.node();
    if (auto m = stanza::parseMessage(node)) {
        check(!m->id.isEmpty() && m->from.isValid());
        check(!m->isGroup() || m->participant.has_value());
        (void)stanza::deliveryReceipt(*m);
    }
    if (auto r = stanza::parseReceipt(node)) {
        check(!r->ids.isEmpty() && !r->ids.first().isEmpty());
        if (r->keys)
            checkBundle(*r->keys);
    }
    (void)stanza::parseAck(node);
    if (auto users = stanza::parseUsyncResult(node)) {
        for (const stanza::UsyncUser &u : *users)
            check(u.user.isValid());
    }
    if (auto bundles = stanza::parsePreKeyFetchResult(node)) {
        for (const stanza::BundleResult &b : *bundles) {
            check(b.bundle.has_value() != !b.error.isEmpty());
            if (b.bundle)
                checkBundle(*b.bundle);
        }
    }
    (void)stanza::ackFor(node, 487);
    return 0;
}
