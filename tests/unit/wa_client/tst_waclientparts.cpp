// The pure parts under WaConnection: AuthState persistence, ClientPayload, pair-success
// verification (PROTOCOL.md §5.7 re-done with primitives), the pairing-code cryptography against
// the published PBKDF2 vector, and the stream-error / failure mapping.

#include "wa/client/authstate.h"
#include "wa/client/clientpayload.h"
#include "wa/client/disconnectreason.h"
#include "wa/client/linkcodepairing.h"
#include "wa/client/pairsuccess.h"
#include "wa/crypto/aes.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/kdf.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QSet>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;


namespace {

QByteArray bytesRange(int n)
{
    QByteArray out(n, '\0');
    for (int i = 0; i < n; ++i)
        out[i] = char(i);
    return out;
}

//! What a phone sends, built from the spec with primitives (not with the code under test).
struct PairSuccessBuilder
{
    KeyPair phone = KeyPair::generate();
    KeyPair companion = KeyPair::generate();
    QByteArray adv = QByteArray(32, 'a');
    quint32 keyIndex = 9;
    bool typedJids = true;

    QByteArray details() const
    {
        waproto::ADVDeviceIdentity d;
        d.set_raw_id(7);
        d.set_timestamp(1700000000);
        d.set_key_index(keyIndex);
        return fromStdBytes(d.SerializeAsString());
    }
    Node build(QByteArray hmacKey = {}, bool corruptSignature = false, QByteArray accountKey = {}) const
    {
        const QByteArray inner = details();
        QByteArray sig = xeddsa::sign(phone.priv, QByteArray::fromHex("0600") + inner + companion.pub);
        if (corruptSignature)
            sig[10] = char(sig[10] ^ 1);
        waproto::ADVSignedDeviceIdentity s;
        s.set_details(toStdBytes(inner));
        s.set_account_signature_key(toStdBytes(accountKey.isNull() ? phone.pub : accountKey));
        s.set_account_signature(toStdBytes(sig));
        const QByteArray sBytes = fromStdBytes(s.SerializeAsString());
        waproto::ADVSignedDeviceIdentityHMAC h;
        h.set_details(toStdBytes(sBytes));
        h.set_hmac(toStdBytes(hmacSha256(hmacKey.isNull() ? adv : hmacKey, sBytes)));
        Node device(QStringLiteral("device"));
        if (typedJids) {
            device.setAttr(QStringLiteral("jid"), Jid(QStringLiteral("491701234567"), JidServer::User, 12));
            device.setAttr(QStringLiteral("lid"), Jid(QStringLiteral("555"), JidServer::Lid, 12));
        } else {
            device.setAttr(QStringLiteral("jid"), QStringLiteral("491701234567:12@s.whatsapp.net"));
        }
        return Node(QStringLiteral("iq"),
                    {{QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("type"), "set"}, {QStringLiteral("id"), "X1"}},
                    {Node(QStringLiteral("pair-success"), {},
                          {Node(QStringLiteral("device-identity"), {}, fromStdBytes(h.SerializeAsString())), device,
                           Node(QStringLiteral("platform"), {{QStringLiteral("name"), "iphone"}}),
                           Node(QStringLiteral("biz"), {{QStringLiteral("name"), "Shop"}})})});
    }
};

} // namespace

class TestWaClientParts : public QObject
{
    Q_OBJECT
private slots:
    // --- AuthState

    void newStateIsValid()
    {
        const AuthState s = AuthState::createNew();
        QVERIFY(s.isValid());
        QVERIFY(!s.isPaired());
        QVERIFY(s.registrationId >= 1 && s.registrationId <= 0x3FFF);
        QCOMPARE(s.signedPreKey.id, 1u);
        QVERIFY(xeddsa::verify(s.identityKey.pub, QByteArray(1, '\x05') + s.signedPreKey.keyPair.pub,
                               s.signedPreKey.signature));
        QCOMPARE(s.advSecret.size(), 32);
        QVERIFY(s.noiseKey.pub != s.identityKey.pub);
        QVERIFY(AuthState::createNew().noiseKey != s.noiseKey);
    }

    void stateRoundTrip()
    {
        AuthState s = AuthState::createNew();
        s.jid = QStringLiteral("491701234567:12@s.whatsapp.net");
        s.lid = QStringLiteral("555:12@lid");
        s.platform = QStringLiteral("smba");
        s.businessName = QStringLiteral("Bäckerei Müller");
        s.pushName = QStringLiteral("Gate");
        PairSuccessBuilder b;
        waproto::ADVSignedDeviceIdentity account;
        account.set_details("d");
        account.set_account_signature_key(toStdBytes(b.phone.pub));
        s.account = fromStdBytes(account.SerializeAsString());
        for (quint32 id = 1; id <= 3; ++id)
            s.preKeys.append(PreKey{id, KeyPair::generate()});
        s.nextPreKeyId = 4;
        s.firstUnuploadedPreKeyId = 3;
        s.routingInfo = QByteArray("\x08\x01", 2);

        auto parsed = AuthState::parse(s.serialize());
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, s);
        QCOMPARE(parsed->deviceJid()->device(), quint16(12));
        QCOMPARE(parsed->primaryIdentityKey(), b.phone.pub);
    }

    void stateParseRefuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const AuthState good = AuthState::createNew();
        QByteArray future = good.serialize();
        future[1] = char(AuthState::kFormatVersion + 1); // field 1 (varint) is the first thing written
        AuthState brokenKey = good;
        brokenKey.noiseKey.pub = KeyPair::generate().pub;
        AuthState brokenJid = good;
        brokenJid.jid = QStringLiteral("nonsense");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\xff\xff\xff\xff", 4);
        QTest::newRow("future version") << future;
        QTest::newRow("mismatched noise key") << brokenKey.serialize();
        QTest::newRow("broken jid") << brokenJid.serialize();
    }
    void stateParseRefuses()
    {
        QFETCH(QByteArray, bytes);
        const auto parsed = AuthState::parse(bytes);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    }

    // --- ClientPayload

    void loginPayload()
    {
        AuthState s = AuthState::createNew();
        QVERIFY(!clientpayload::login(s, {}).ok());
        s.jid = QStringLiteral("491701234567:12@s.whatsapp.net");
        s.pushName = QStringLiteral("Gate");
        const auto bytes = clientpayload::login(s, {});
        QVERIFY(bytes.ok());
        waproto::ClientPayload p;
        QVERIFY(p.ParseFromString(toStdBytes(*bytes)));
        QCOMPARE(p.username(), 491701234567ull);
        QCOMPARE(p.device(), 12u);
        QVERIFY(p.passive() && p.pull());
        QVERIFY(!p.has_device_pairing_data());
        QCOMPARE(p.push_name(), std::string("Gate"));
        QCOMPARE(p.user_agent().app_version().tertiary(), 1045649367u);
        QCOMPARE(p.user_agent().locale_language_iso_639_1(), std::string("en"));
    }

    // --- pair-success

    void pairSuccessVerifies_data()
    {
        QTest::addColumn<bool>("typed");
        QTest::newRow("typed JIDs") << true;
        QTest::newRow("text JIDs") << false;
    }
    void pairSuccessVerifies()
    {
        QFETCH(bool, typed);
        PairSuccessBuilder b;
        b.typedJids = typed;
        const auto r = PairSuccess::verify(b.build(), b.companion, b.adv);
        QVERIFY(r.ok());
        QCOMPARE(r->iqId, QStringLiteral("X1"));
        QCOMPARE(r->jid.toString(), QStringLiteral("491701234567:12@s.whatsapp.net"));
        QCOMPARE(r->lid.isValid(), typed);
        QCOMPARE(r->platform, QStringLiteral("iphone"));
        QCOMPARE(r->businessName, QStringLiteral("Shop"));
        QCOMPARE(r->keyIndex, 9u);
        QCOMPARE(r->accountSignatureKey, b.phone.pub);

        waproto::ADVSignedDeviceIdentity account, reply;
        QVERIFY(account.ParseFromString(toStdBytes(r->account)));
        QVERIFY(reply.ParseFromString(toStdBytes(r->replyIdentity)));
        QCOMPARE(fromStdBytes(account.account_signature_key()), b.phone.pub);
        QVERIFY(!reply.has_account_signature_key());
        QCOMPARE(reply.details(), account.details());
        QCOMPARE(reply.device_signature(), account.device_signature());
        QVERIFY(xeddsa::verify(b.companion.pub,
                               QByteArray::fromHex("0601") + b.details() + b.companion.pub + b.phone.pub,
                               fromStdBytes(account.device_signature())));

        const Node out = r->reply();
        QCOMPARE(out.attr("type"), QStringLiteral("result"));
        QCOMPARE(out.attr("id"), QStringLiteral("X1"));
        QVERIFY(out.jidAttr("to")->isServer());
        const Node identity = out.child("pair-device-sign").child("device-identity");
        QCOMPARE(identity.attr("key-index"), QStringLiteral("9"));
        QCOMPARE(identity.contentBytes(), r->replyIdentity);
    }

    void pairSuccessRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("hmac with another secret") << 0 << "401" << "hmac-mismatch";
        QTest::newRow("signature corrupted") << 1 << "401" << "signature-mismatch";
        QTest::newRow("account key of another phone") << 2 << "401" << "signature-mismatch";
        QTest::newRow("account key too short") << 3 << "401" << "signature-mismatch";
        QTest::newRow("signed for another companion") << 4 << "401" << "signature-mismatch";
        QTest::newRow("no device node") << 5 << "500" << "internal-error";
        QTest::newRow("device-identity not protobuf") << 6 << "500" << "internal-error";
        QTest::newRow("not a pair-success") << 7 << "500" << "internal-error";
        QTest::newRow("jid on the wrong server") << 8 << "500" << "internal-error";
    }
    void pairSuccessRefused()
    {
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(QString, text);
        PairSuccessBuilder b;
        Node iq;
        KeyPair verifier = b.companion;
        switch (kind) {
        case 0: iq = b.build(QByteArray(32, 'b')); break;
        case 1: iq = b.build({}, true); break;
        case 2: iq = b.build({}, false, KeyPair::generate().pub); break;
        case 3: iq = b.build({}, false, QByteArray(31, 'k')); break;
        case 4: iq = b.build(); verifier = KeyPair::generate(); break;
        case 5: {
            iq = b.build();
            Node ps = iq.child("pair-success");
            QList<Node> kids = ps.children();
            kids.removeIf([](const Node &n) { return n.tag() == QLatin1String("device"); });
            iq.setChildren({Node(QStringLiteral("pair-success"), {}, kids)});
            break;
        }
        case 6: {
            const QByteArray junk("\xff\x01\x02");
            iq = Node(QStringLiteral("iq"), {{QStringLiteral("id"), "X1"}},
                      {Node(QStringLiteral("pair-success"), {},
                            {Node(QStringLiteral("device-identity"), {}, junk),
                             Node(QStringLiteral("device"), {{QStringLiteral("jid"), Jid::phone(QStringLiteral("1"))}})})});
            break;
        }
        case 7: iq = Node(QStringLiteral("iq"), {{QStringLiteral("id"), "X1"}}, {Node(QStringLiteral("pair-device"))}); break;
        case 8: {
            iq = b.build();
            Node ps = iq.child("pair-success");
            QList<Node> kids = ps.children();
            for (Node &k : kids) {
                if (k.tag() == QLatin1String("device"))
                    k.setAttr(QStringLiteral("jid"), Jid(QStringLiteral("491701234567"), JidServer::Group));
            }
            iq.setChildren({Node(QStringLiteral("pair-success"), {}, kids)});
            break;
        }
        }
        const auto r = PairSuccess::verify(iq, verifier, b.adv);
        QVERIFY(!r.ok());
        QCOMPARE(pairErrorCode(r.error()), code);
        QCOMPARE(pairErrorText(r.error()), text);
        const Node reply = PairSuccess::errorReply(QStringLiteral("X1"), r.error());
        QCOMPARE(reply.attr("type"), QStringLiteral("error"));
        QCOMPARE(reply.attr("id"), QStringLiteral("X1"));
        QCOMPARE(reply.child("error").attr("code"), code);
        QCOMPARE(reply.child("error").attr("text"), text);
    }

    void qrString()
    {
        const QString qr = pairingQrString("2@abc", QByteArray(32, '\x01'), QByteArray(32, '\x02'), QByteArray(32, '\x03'),
                                           QStringLiteral("1"));
        QCOMPARE(qr, QStringLiteral("https://wa.me/settings/linked_devices#2@abc,")
                         + QString::fromLatin1(QByteArray(32, '\x01').toBase64()) + QLatin1Char(',')
                         + QString::fromLatin1(QByteArray(32, '\x02').toBase64()) + QLatin1Char(',')
                         + QString::fromLatin1(QByteArray(32, '\x03').toBase64()) + QStringLiteral(",1"));
    }

    // --- pairing code

    void wrapKeyVector()
    {
        // PROTOCOL.md Appendix B: PBKDF2-SHA256("ABCDEFGH", 00..1F, 131072, 32).
        const QByteArray salt = bytesRange(32);
        const QByteArray key = QByteArray::fromHex("920ceedbc74a9319a309daf1493c79d001e31d9a6b3ed51cf7374849878d84e4");
        const QByteArray iv(16, '\x07');
        const KeyPair e = KeyPair::generate();
        const QByteArray wrapped = LinkCodePairing::wrapKey(QStringLiteral("ABCDEFGH"), e.pub, salt, iv);
        QCOMPARE(wrapped.size(), LinkCodePairing::kWrappedKeySize);
        QCOMPARE(wrapped, salt + iv + aes::ctr(key, iv, e.pub));
        QCOMPARE(LinkCodePairing::unwrapKey(QStringLiteral("ABCDEFGH"), wrapped), std::optional<QByteArray>(e.pub));
        QVERIFY(LinkCodePairing::unwrapKey(QStringLiteral("ABCDEFGX"), wrapped) != std::optional<QByteArray>(e.pub));
        QVERIFY(!LinkCodePairing::unwrapKey(QStringLiteral("ABCDEFGH"), wrapped.left(79)));
        // Fresh randomness by default.
        QVERIFY(LinkCodePairing::wrapKey(QStringLiteral("ABCDEFGH"), e.pub) != LinkCodePairing::wrapKey(QStringLiteral("ABCDEFGH"), e.pub));
        QVERIFY(LinkCodePairing::wrapKey(QStringLiteral("ABCDEFGH"), QByteArray(31, 'x')).isEmpty());
    }

    void finishMatchesThePhone()
    {
        const KeyPair companionEphemeral = KeyPair::generate(), companionIdentity = KeyPair::generate();
        const KeyPair phoneEphemeral = KeyPair::generate(), phoneIdentity = KeyPair::generate();
        const QByteArray salt(32, 's'), nonce(12, 'n'), random(32, 'r');
        const auto done = LinkCodePairing::finish(companionEphemeral, phoneEphemeral.pub, companionIdentity,
                                                  phoneIdentity.pub, salt, nonce, random);
        QVERIFY(done);
        QCOMPARE(done->wrappedBundle.size(), LinkCodePairing::kWrappedBundleSize);

        // The phone's side, from §6 step 6.
        const QByteArray se = *phoneEphemeral.dh(companionEphemeral.pub);
        const QByteArray kb = hkdfSha256(salt, se, "link_code_pairing_key_bundle_encryption_key", 32);
        QCOMPARE(done->wrappedBundle.first(44), salt + nonce);
        const auto plain = aes::gcmDecrypt(kb, nonce, done->wrappedBundle.sliced(44));
        QVERIFY(plain);
        QCOMPARE(*plain, companionIdentity.pub + phoneIdentity.pub + random);
        const QByteArray si = *phoneIdentity.dh(companionIdentity.pub);
        QCOMPARE(done->advSecret, hkdfSha256({}, se + si + random, "adv_secret", 32));

        QVERIFY(!LinkCodePairing::finish(companionEphemeral, QByteArray(32, '\0'), companionIdentity, phoneIdentity.pub));
        QVERIFY(!LinkCodePairing::finish(companionEphemeral, phoneEphemeral.pub, companionIdentity, QByteArray(3, 'x')));
    }

    void displayCode()
    {
        QCOMPARE(LinkCodePairing::displayCode(QStringLiteral("ABCDEFGH")), QStringLiteral("ABCD-EFGH"));
    }

    // --- outcomes

    void streamErrorMapping_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("conflict");
        QTest::addColumn<DisconnectOutcome>("outcome");
        QTest::addColumn<QString>("reportedCode");
        QTest::newRow("515") << "515" << "" << DisconnectOutcome::Restart << "515";
        QTest::newRow("503") << "503" << "" << DisconnectOutcome::Retryable << "503";
        QTest::newRow("500") << "500" << "" << DisconnectOutcome::Retryable << "500";
        QTest::newRow("device_removed") << "401" << "device_removed" << DisconnectOutcome::LoggedOut << "device_removed";
        QTest::newRow("replaced") << "" << "replaced" << DisconnectOutcome::Replaced << "replaced";
        QTest::newRow("unknown conflict") << "" << "something" << DisconnectOutcome::Retryable << "something";
        QTest::newRow("nothing") << "" << "" << DisconnectOutcome::Retryable << "stream_error";
    }
    void streamErrorMapping()
    {
        QFETCH(QString, code);
        QFETCH(QString, conflict);
        QFETCH(DisconnectOutcome, outcome);
        QFETCH(QString, reportedCode);
        Node n(QStringLiteral("stream:error"));
        n.setAttr(QStringLiteral("code"), code);
        if (!conflict.isEmpty())
            n.addChild(Node(QStringLiteral("conflict"), {{QStringLiteral("type"), conflict}}));
        const auto r = DisconnectReason::fromStreamError(n);
        QCOMPARE(r.outcome, outcome);
        QCOMPARE(r.code, reportedCode);
        QVERIFY(!r.message.isEmpty());
    }

    void failureMapping()
    {
        const auto map = [](const char *reason, QList<Attribute> extra = {}) {
            QList<Attribute> attrs{{QStringLiteral("reason"), reason}};
            attrs += extra;
            return DisconnectReason::fromFailure(Node(QStringLiteral("failure"), attrs), 1000);
        };
        QCOMPARE(map("401").outcome, DisconnectOutcome::LoggedOut);
        QCOMPARE(map("403").outcome, DisconnectOutcome::LoggedOut);
        QCOMPARE(map("406").outcome, DisconnectOutcome::Banned);
        QCOMPARE(map("405").outcome, DisconnectOutcome::Outdated);
        QCOMPARE(map("409").outcome, DisconnectOutcome::Outdated);
        QCOMPARE(map("503").outcome, DisconnectOutcome::Retryable);
        QCOMPARE(map("500").outcome, DisconnectOutcome::Retryable);
        QCOMPARE(map("400").outcome, DisconnectOutcome::Rejected);
        QCOMPARE(map("").code, QStringLiteral("failure"));
        const auto ban = map("402", {{QStringLiteral("expire"), "60"}, {QStringLiteral("code"), "7"}});
        QCOMPARE(ban.outcome, DisconnectOutcome::TemporarilyBanned);
        QCOMPARE(ban.banExpiresAtMs, 61000);
        QCOMPARE(map("402").banExpiresAtMs, 0);
    }

    void outcomeNames()
    {
        QSet<QString> names;
        for (int i = 0; i <= int(DisconnectOutcome::Closed); ++i)
            names.insert(QString::fromLatin1(disconnectOutcomeName(DisconnectOutcome(i))));
        QCOMPARE(names.size(), int(DisconnectOutcome::Closed) + 1);
        QVERIFY(!names.contains(QStringLiteral("unknown")));
        QVERIFY(credentialsRevoked(DisconnectOutcome::LoggedOut));
        QVERIFY(credentialsRevoked(DisconnectOutcome::Banned));
        QVERIFY(!credentialsRevoked(DisconnectOutcome::TemporarilyBanned));
        QVERIFY(!credentialsRevoked(DisconnectOutcome::Replaced));
    }
};

QTEST_GUILESS_MAIN(TestWaClientParts)
#include "tst_waclientparts.moc"
