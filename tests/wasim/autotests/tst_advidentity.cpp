// ADV identities (PROTOCOL.md §5.6–8): what the simulated phone issues in <pair-success>, how a
// companion checks and countersigns it, and how the phone checks the <pair-device-sign> answer.
// The protobuf fields are read back with the generated schema, independently of the code under test.

#include "wasim/advidentity.h"

#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QTest>

using namespace wagate;
using namespace wagate::wasim;

class TestAdvIdentity : public QObject
{
    Q_OBJECT

    wa::KeyPair m_phone = wa::KeyPair::generate();
    wa::KeyPair m_companion = wa::KeyPair::generate();
    QByteArray m_adv = QByteArray(32, '\x5a');

private slots:
    void issuesWhatTheProtocolDescribes()
    {
        const auto issued = advidentity::issue(m_phone, m_companion.pub, m_adv, 77, 1700000000, 3);
        waproto::ADVSignedDeviceIdentityHMAC container;
        QVERIFY(container.ParseFromString(wa::toStdBytes(issued.container)));
        QCOMPARE(container.account_type(), waproto::E2EE);
        const QByteArray details = wa::fromStdBytes(container.details());
        // HMAC-SHA256(adv secret, details), no prefix for E2EE accounts.
        QCOMPARE(wa::fromStdBytes(container.hmac()), wa::hmacSha256(m_adv, details));

        waproto::ADVSignedDeviceIdentity account;
        QVERIFY(account.ParseFromString(container.details()));
        QCOMPARE(wa::fromStdBytes(account.account_signature_key()), m_phone.pub);
        QVERIFY(!account.has_device_signature());
        waproto::ADVDeviceIdentity identity;
        QVERIFY(identity.ParseFromString(account.details()));
        QCOMPARE(identity.raw_id(), 77u);
        QCOMPARE(identity.timestamp(), 1700000000u);
        QCOMPARE(identity.key_index(), 3u);
        QCOMPARE(wa::fromStdBytes(account.details()), issued.details);
        // 06 00 || details || companion identity, signed by the phone's identity.
        QVERIFY(wa::xeddsa::verify(m_phone.pub, QByteArray("\x06\x00", 2) + issued.details + m_companion.pub,
                                   wa::fromStdBytes(account.account_signature())));
    }

    void companionAcceptsAndCountersigns()
    {
        const auto issued = advidentity::issue(m_phone, m_companion.pub, m_adv, 1, 2, 9);
        const auto accepted = advidentity::accept(issued.container, m_adv, m_companion);
        QVERIFY(accepted);
        QCOMPARE(accepted->keyIndex, 9u);
        QCOMPARE(accepted->accountSignatureKey, m_phone.pub);

        waproto::ADVSignedDeviceIdentity reply;
        QVERIFY(reply.ParseFromString(wa::toStdBytes(accepted->reply)));
        QVERIFY(!reply.has_account_signature_key()); // field 2 left out of the reply
        QVERIFY(reply.has_details() && reply.has_account_signature() && reply.has_device_signature());
        QVERIFY(wa::xeddsa::verify(m_companion.pub,
                                   QByteArray("\x06\x01", 2) + issued.details + m_companion.pub + m_phone.pub,
                                   wa::fromStdBytes(reply.device_signature())));
        waproto::ADVSignedDeviceIdentity stored;
        QVERIFY(stored.ParseFromString(wa::toStdBytes(accepted->account)));
        QCOMPARE(wa::fromStdBytes(stored.account_signature_key()), m_phone.pub);

        QVERIFY(advidentity::checkDeviceSign(accepted->reply, issued, m_companion.pub, m_phone.pub, 9));
        QVERIFY(advidentity::checkDeviceSign(accepted->reply, issued, m_companion.pub, m_phone.pub, std::nullopt));
    }

    void companionRefusesFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("hmac mismatch") << int(advidentity::IssueFault::HmacMismatch)
                                       << int(advidentity::AcceptError::HmacMismatch) << 401 << "hmac-mismatch";
        QTest::newRow("bad account signature") << int(advidentity::IssueFault::BadAccountSignature)
                                               << int(advidentity::AcceptError::SignatureMismatch) << 401
                                               << "signature-mismatch";
    }

    void companionRefusesFaults()
    {
        QFETCH(int, fault);
        QFETCH(int, error);
        QFETCH(int, code);
        QFETCH(QString, text);
        const auto issued = advidentity::issue(m_phone, m_companion.pub, m_adv, 1, 2, 3, advidentity::IssueFault(fault));
        const auto accepted = advidentity::accept(issued.container, m_adv, m_companion);
        QVERIFY(!accepted);
        QCOMPARE(int(accepted.error()), error);
        QCOMPARE(advidentity::acceptErrorCode(accepted.error()), code);
        QCOMPARE(QString::fromLatin1(advidentity::acceptErrorText(accepted.error())), text);
    }

    void companionRefusesOtherSecretsAndGarbage()
    {
        const auto issued = advidentity::issue(m_phone, m_companion.pub, m_adv, 1, 2, 3);
        QCOMPARE(advidentity::accept(issued.container, QByteArray(32, 'x'), m_companion).error(),
                 advidentity::AcceptError::HmacMismatch);
        // Signed for another companion identity: the account signature does not cover ours.
        const auto other = advidentity::issue(m_phone, wa::KeyPair::generate().pub, m_adv, 1, 2, 3);
        QCOMPARE(advidentity::accept(other.container, m_adv, m_companion).error(),
                 advidentity::AcceptError::SignatureMismatch);
        QCOMPARE(advidentity::accept(QByteArray("\xff\xff\xff", 3), m_adv, m_companion).error(),
                 advidentity::AcceptError::Malformed);
        QCOMPARE(advidentity::accept({}, m_adv, m_companion).error(), advidentity::AcceptError::Malformed);
    }

    void phoneRefusesBadAnswers()
    {
        const auto issued = advidentity::issue(m_phone, m_companion.pub, m_adv, 1, 2, 5);
        const auto accepted = advidentity::accept(issued.container, m_adv, m_companion);
        QVERIFY(accepted);
        using E = advidentity::SignError;
        auto check = [&](const QByteArray &reply, std::optional<qint64> keyIndex = 5) {
            const auto r = advidentity::checkDeviceSign(reply, issued, m_companion.pub, m_phone.pub, keyIndex);
            return r ? std::optional<E>() : std::optional<E>(r.error());
        };
        QCOMPARE(check(accepted->account), E::AccountKeyPresent); // field 2 must be absent
        QCOMPARE(check(accepted->reply, 6), E::KeyIndexMismatch);
        QCOMPARE(check(QByteArray("\x0a\x05junk", 6)), E::Malformed); // length beyond the input
        QCOMPARE(check({}), E::Malformed);

        waproto::ADVSignedDeviceIdentity reply;
        QVERIFY(reply.ParseFromString(wa::toStdBytes(accepted->reply)));
        auto tampered = reply;
        std::string sig = tampered.device_signature();
        sig[5] = char(sig[5] ^ 1);
        tampered.set_device_signature(sig);
        QCOMPARE(check(wa::fromStdBytes(tampered.SerializeAsString())), E::BadDeviceSignature);
        tampered = reply;
        tampered.set_details(tampered.details() + "x");
        QCOMPARE(check(wa::fromStdBytes(tampered.SerializeAsString())), E::DetailsChanged);
        // Signed by another key than the companion identity of the QR.
        tampered = reply;
        const auto stranger = wa::KeyPair::generate();
        tampered.set_device_signature(wa::toStdBytes(wa::xeddsa::sign(
            stranger.priv, QByteArray("\x06\x01", 2) + issued.details + m_companion.pub + m_phone.pub)));
        QCOMPARE(check(wa::fromStdBytes(tampered.SerializeAsString())), E::BadDeviceSignature);
    }
};

QTEST_GUILESS_MAIN(TestAdvIdentity)
#include "tst_advidentity.moc"
