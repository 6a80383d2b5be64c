// The pair-success parser and verifier (PairSuccess::verify, PROTOCOL.md §5.6–5.8) under arbitrary
// input. Keys and the adv secret are fixed, so the seeds hold stanzas that verify, and the harness
// re-signs or re-MACs the inner layers itself so the fuzzer reaches the code behind each check.
//
// Input: [mode][bytes...] with mode % 4:
//   0  the bytes are a whole bare node (the <iq> as it comes off the wire, after the flag byte)
//   1  the bytes are the <device-identity> content (ADVSignedDeviceIdentityHMAC) of a fixed stanza
//   2  the bytes are the ADVSignedDeviceIdentity, wrapped and HMAC'd correctly by the harness
//   3  the bytes are the ADVDeviceIdentity details, signed by the phone and wrapped by the harness
// Every result must be self-consistent: an accepted stanza yields a reply without the account key
// whose device signature verifies, and a refusal yields an error iq that encodes.
//
// WAGATE_WRITE_SEEDS=DIR writes the seed corpus (valid stanzas for each mode) and exits.

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/client/pairsuccess.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/keypair.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

using namespace wagate;
using namespace wagate::wa;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

KeyPair fixedKey(char fill)
{
    return *KeyPair::fromPrivateKey(QByteArray(32, fill));
}

struct Fixture
{
    KeyPair companion = fixedKey('c');
    KeyPair phone = fixedKey('p');
    QByteArray adv = QByteArray(32, 'a');
    QByteArray z = QByteArray(64, 'z'); // fixed signing randomness: the seeds are reproducible

    QByteArray details(bool hosted = false) const
    {
        waproto::ADVDeviceIdentity d;
        d.set_raw_id(4242);
        d.set_timestamp(1700000000);
        d.set_key_index(3);
        if (hosted) {
            d.set_account_type(waproto::HOSTED);
            d.set_device_type(waproto::HOSTED);
        }
        return fromStdBytes(d.SerializeAsString());
    }
    QByteArray signedIdentity(const QByteArray &detailBytes, bool hostedDevice) const
    {
        const QByteArray prefix = QByteArray::fromHex(hostedDevice ? "0605" : "0600");
        waproto::ADVSignedDeviceIdentity s;
        s.set_details(toStdBytes(detailBytes));
        s.set_account_signature_key(toStdBytes(phone.pub));
        s.set_account_signature(toStdBytes(xeddsa::sign(phone.priv, prefix + detailBytes + companion.pub, z)));
        return fromStdBytes(s.SerializeAsString());
    }
    QByteArray container(const QByteArray &identityBytes, bool hostedAccount) const
    {
        waproto::ADVSignedDeviceIdentityHMAC h;
        h.set_details(toStdBytes(identityBytes));
        h.set_hmac(toStdBytes(hmacSha256(adv, (hostedAccount ? QByteArray::fromHex("0605") : QByteArray()) + identityBytes)));
        if (hostedAccount)
            h.set_account_type(waproto::HOSTED);
        return fromStdBytes(h.SerializeAsString());
    }
    Node stanza(const QByteArray &deviceIdentity) const
    {
        return Node(QStringLiteral("iq"),
                    {{QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("type"), "set"},
                     {QStringLiteral("id"), "ps-1"}, {QStringLiteral("xmlns"), "md"}},
                    {Node(QStringLiteral("pair-success"), {},
                          {Node(QStringLiteral("device-identity"), {}, deviceIdentity),
                           Node(QStringLiteral("device"),
                                {{QStringLiteral("jid"), Jid(QStringLiteral("491701234567"), JidServer::User, 7)},
                                 {QStringLiteral("lid"), Jid(QStringLiteral("123456789012345"), JidServer::Lid, 7)}}),
                           Node(QStringLiteral("platform"), {{QStringLiteral("name"), "android"}}),
                           Node(QStringLiteral("biz"), {{QStringLiteral("name"), "Shop"}})})});
    }
};

const Fixture &fixture()
{
    static const Fixture f;
    return f;
}

template<typename Message>
bool parse(Message &m, const QByteArray &bytes)
{
    return m.ParseFromArray(bytes.constData(), int(bytes.size()));
}

//! The checks every verdict must pass, whatever the input was.
void checkVerdict(const Expected<PairSuccess, PairError> &verdict, const Fixture &f)
{
    if (!verdict) {
        const Node reply = PairSuccess::errorReply(QStringLiteral("ps-1"), verdict.error());
        check(NodeEncoder::encode(reply).ok());
        check(reply.child("error").attr("text") == pairErrorText(verdict.error()));
        return;
    }
    const PairSuccess &ok = *verdict;
    check(ok.jid.server() == JidServer::User && !ok.jid.user().isEmpty());
    check(!ok.lid.isValid() || ok.lid.server() == JidServer::Lid);
    check(ok.accountSignatureKey.size() == 32);

    waproto::ADVSignedDeviceIdentity account, reply;
    check(parse(account, ok.account) && parse(reply, ok.replyIdentity));
    check(!reply.has_account_signature_key());
    check(fromStdBytes(account.account_signature_key()) == ok.accountSignatureKey);
    check(reply.details() == account.details() && reply.device_signature() == account.device_signature());
    const QByteArray details = fromStdBytes(account.details());
    check(xeddsa::verify(f.companion.pub, QByteArray::fromHex("0601") + details + f.companion.pub + ok.accountSignatureKey,
                         fromStdBytes(account.device_signature())));
    // Only a genuine account signature gets this far.
    waproto::ADVDeviceIdentity inner;
    check(parse(inner, details));
    const QByteArray prefix = QByteArray::fromHex(inner.device_type() == waproto::HOSTED ? "0605" : "0600");
    check(xeddsa::verify(ok.accountSignatureKey, prefix + details + f.companion.pub,
                         fromStdBytes(account.account_signature())));
    check(ok.keyIndex == inner.key_index());
    check(NodeEncoder::encode(ok.reply()).ok());
}

void writeSeeds(const QString &dir)
{
    const Fixture &f = fixture();
    QDir().mkpath(dir);
    const auto write = [&](const char *name, char mode, const QByteArray &bytes) {
        QFile file(dir + QLatin1Char('/') + QLatin1String(name));
        check(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1, mode) + bytes);
    };
    const QByteArray details = f.details();
    const QByteArray identity = f.signedIdentity(details, false);
    const QByteArray container = f.container(identity, false);
    // The "valid" seeds must really get through every check.
    check(PairSuccess::verify(f.stanza(container), f.companion, f.adv).ok());
    check(PairSuccess::verify(f.stanza(f.container(f.signedIdentity(f.details(true), true), true)), f.companion, f.adv).ok());
    write("node_valid", 0, *NodeEncoder::encodeNode(f.stanza(container)));
    const QByteArray hostedDetails = f.details(true);
    write("node_valid_hosted", 0,
          *NodeEncoder::encodeNode(f.stanza(f.container(f.signedIdentity(hostedDetails, true), true))));
    write("node_hmac_mismatch", 0, *NodeEncoder::encodeNode(f.stanza(f.container(identity + "x", false).left(40))));
    write("container_valid", 1, container);
    write("container_valid_hosted", 1, f.container(f.signedIdentity(hostedDetails, true), true));
    write("identity_valid", 2, identity);
    write("identity_valid_hosted", 2, f.signedIdentity(hostedDetails, true));
    write("details_valid", 3, details);
    write("details_hosted", 3, hostedDetails);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("wagate.*=false"));
    if (const char *dir = std::getenv("WAGATE_WRITE_SEEDS")) {
        writeSeeds(QString::fromLocal8Bit(dir));
        std::exit(0);
    }
    fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    const Fixture &f = fixture();
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const NodeDecoder decoder;
    switch (data[0] % 4) {
    case 0: {
        const DecodeResult node = decoder.decodeNode(input);
        if (node)
            checkVerdict(PairSuccess::verify(node.node(), f.companion, f.adv), f);
        break;
    }
    case 1:
        checkVerdict(PairSuccess::verify(f.stanza(input), f.companion, f.adv), f);
        break;
    case 2: {
        const bool hosted = !input.isEmpty() && (quint8(input.back()) & 1);
        const auto verdict = PairSuccess::verify(f.stanza(f.container(input, hosted)), f.companion, f.adv);
        check(verdict.ok() || verdict.error() != PairError::HmacMismatch); // the MAC is right by construction
        checkVerdict(verdict, f);
        break;
    }
    case 3: {
        waproto::ADVDeviceIdentity inner;
        const bool parses = parse(inner, input);
        const bool hostedDevice = parses && inner.device_type() == waproto::HOSTED;
        const auto verdict =
            PairSuccess::verify(f.stanza(f.container(f.signedIdentity(input, hostedDevice), false)), f.companion, f.adv);
        // Correctly signed and MAC'd: only unparseable details may be refused.
        check(verdict.ok() == parses);
        checkVerdict(verdict, f);
        break;
    }
    }
    return 0;
}
