// Server certificate chains: creation for the simulator and the seven checks of PROTOCOL.md §2.4,
// one row per failing check, each with its own error.

#include "wa/noise/certchain.h"
#include "wa/noise/certificateverifier.h"

#include "wa/crypto/xeddsa.h"

#include <QDateTime>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;

Q_DECLARE_METATYPE(wagate::wa::CertError)

namespace {

constexpr qint64 kNow = 1'700'000'000;

struct Pki
{
    KeyPair root = KeyPair::generate();
    KeyPair intermediate = KeyPair::generate();
    KeyPair server = KeyPair::generate();
    CertificateDetails interDetails{1, 0, intermediate.pub, kNow - 3600, kNow + 3600};
    CertificateDetails leafDetails{2, 1, server.pub, kNow - 60, kNow + 60};

    CertChain chain() const
    {
        return {NoiseCertificate::issue(leafDetails, intermediate.priv),
                NoiseCertificate::issue(interDetails, root.priv)};
    }
    CertificateVerifier verifier(qint64 now = kNow) const
    {
        return CertificateVerifier(root.pub, [now] { return now; });
    }
};

enum Scenario {
    Valid,
    Garbage,
    NoLeaf,
    NoIntermediate,
    NoLeafDetails,
    NoLeafSignature,
    ShortIntermediateSignature,
    LongLeafSignature,
    IntermediateFromOtherRoot,
    IntermediateDetailsAltered,
    IntermediateDetailsNotProtobuf,
    IntermediateIssuerNotZero,
    IntermediateKeyShort,
    LeafFromOtherKey,
    LeafDetailsAltered,
    LeafDetailsNotProtobuf,
    LeafNotYetValid,
    LeafExpired,
    IntermediateNotYetValid,
    IntermediateExpired,
    LeafIssuerWrong,
    LeafKeyOther,
};

} // namespace

class TestCertificates : public QObject
{
    Q_OBJECT
private slots:
    void checks_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<CertError>("error");
        QTest::newRow("valid chain") << int(Valid) << true << CertError::Malformed;
        QTest::newRow("not protobuf") << int(Garbage) << false << CertError::Malformed;
        QTest::newRow("1: no leaf") << int(NoLeaf) << false << CertError::IncompleteChain;
        QTest::newRow("1: no intermediate") << int(NoIntermediate) << false << CertError::IncompleteChain;
        QTest::newRow("1: no leaf details") << int(NoLeafDetails) << false << CertError::IncompleteChain;
        QTest::newRow("1: no leaf signature") << int(NoLeafSignature) << false << CertError::IncompleteChain;
        QTest::newRow("1: 63-byte intermediate signature") << int(ShortIntermediateSignature) << false << CertError::IncompleteChain;
        QTest::newRow("1: 65-byte leaf signature") << int(LongLeafSignature) << false << CertError::IncompleteChain;
        QTest::newRow("2: intermediate from another root") << int(IntermediateFromOtherRoot) << false << CertError::BadIntermediateSignature;
        QTest::newRow("2: intermediate details altered") << int(IntermediateDetailsAltered) << false << CertError::BadIntermediateSignature;
        QTest::newRow("2+: signed intermediate garbage") << int(IntermediateDetailsNotProtobuf) << false << CertError::Malformed;
        QTest::newRow("3: intermediate issuerSerial 7") << int(IntermediateIssuerNotZero) << false << CertError::IntermediateNotFromRoot;
        QTest::newRow("3: intermediate key 31 bytes") << int(IntermediateKeyShort) << false << CertError::BadIntermediateKey;
        QTest::newRow("4: leaf from another key") << int(LeafFromOtherKey) << false << CertError::BadLeafSignature;
        QTest::newRow("4: leaf details altered") << int(LeafDetailsAltered) << false << CertError::BadLeafSignature;
        QTest::newRow("4+: signed leaf garbage") << int(LeafDetailsNotProtobuf) << false << CertError::Malformed;
        QTest::newRow("5: leaf not yet valid") << int(LeafNotYetValid) << false << CertError::NotYetValid;
        QTest::newRow("5: leaf expired") << int(LeafExpired) << false << CertError::Expired;
        QTest::newRow("5: intermediate not yet valid") << int(IntermediateNotYetValid) << false << CertError::NotYetValid;
        QTest::newRow("5: intermediate expired") << int(IntermediateExpired) << false << CertError::Expired;
        QTest::newRow("6: leaf issuerSerial 3") << int(LeafIssuerWrong) << false << CertError::LeafIssuerMismatch;
        QTest::newRow("7: leaf for another key") << int(LeafKeyOther) << false << CertError::LeafKeyMismatch;
    }
    void checks()
    {
        QFETCH(int, scenario);
        QFETCH(bool, ok);
        QFETCH(CertError, error);
        Pki pki;
        const KeyPair stranger = KeyPair::generate();
        QByteArray serverKey = pki.server.pub;
        switch (Scenario(scenario)) {
        case IntermediateIssuerNotZero: pki.interDetails.issuerSerial = 7; break;
        case IntermediateKeyShort: pki.interDetails.key.chop(1); break;
        case LeafNotYetValid: pki.leafDetails.notBefore = kNow + 1; break;
        case LeafExpired: pki.leafDetails.notAfter = kNow - 1; break;
        case IntermediateNotYetValid: pki.interDetails.notBefore = kNow + 1; break;
        case IntermediateExpired: pki.interDetails.notAfter = kNow - 1; break;
        case LeafIssuerWrong: pki.leafDetails.issuerSerial = 3; break;
        case LeafKeyOther: serverKey = stranger.pub; break;
        default: break;
        }
        CertChain chain = pki.chain();
        QByteArray wire;
        switch (Scenario(scenario)) {
        case NoLeaf: chain.leaf = {}; break;
        case NoIntermediate: chain.intermediate = {}; break;
        case NoLeafDetails: chain.leaf.details.clear(); break;
        case NoLeafSignature: chain.leaf.signature.clear(); break;
        case ShortIntermediateSignature: chain.intermediate.signature.chop(1); break;
        case LongLeafSignature: chain.leaf.signature.append('\0'); break;
        case IntermediateFromOtherRoot: chain.intermediate = NoiseCertificate::issue(pki.interDetails, stranger.priv); break;
        case IntermediateDetailsAltered: {
            CertificateDetails d = pki.interDetails;
            d.serial = 99; // keep the old signature
            chain.intermediate.details = d.serialize();
            break;
        }
        case IntermediateDetailsNotProtobuf:
            chain.intermediate.details = QByteArray::fromHex("0aff");
            chain.intermediate.signature = xeddsa::sign(pki.root.priv, chain.intermediate.details);
            break;
        case LeafFromOtherKey: chain.leaf = NoiseCertificate::issue(pki.leafDetails, stranger.priv); break;
        case LeafDetailsAltered: {
            CertificateDetails d = pki.leafDetails;
            d.key = stranger.pub;
            chain.leaf.details = d.serialize();
            break;
        }
        case LeafDetailsNotProtobuf:
            chain.leaf.details = QByteArray::fromHex("0aff");
            chain.leaf.signature = xeddsa::sign(pki.intermediate.priv, chain.leaf.details);
            break;
        default: break;
        }
        wire = scenario == Garbage ? QByteArray::fromHex("0a05aabb") : chain.serialize();
        const auto result = pki.verifier().verify(wire, serverKey);
        QCOMPARE(result.ok(), ok);
        if (!ok)
            QCOMPARE(result.error(), error);
    }

    void validityBoundsAreInclusive_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("ok");
        // the leaf is valid [kNow - 60, kNow + 60]
        QTest::newRow("at notBefore") << kNow - 60 << true;
        QTest::newRow("one second early") << kNow - 61 << false;
        QTest::newRow("at notAfter") << kNow + 60 << true;
        QTest::newRow("one second late") << kNow + 61 << false;
        QTest::newRow("negative clock") << qint64(-1) << false;
    }
    void validityBoundsAreInclusive()
    {
        QFETCH(qint64, now);
        QFETCH(bool, ok);
        Pki pki;
        QCOMPARE(pki.verifier(now).verify(pki.chain().serialize(), pki.server.pub).ok(), ok);
    }

    void defaultRootIsWhatsApps()
    {
        QCOMPARE(CertificateVerifier().rootPublicKey(),
                 QByteArray::fromHex("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b"));
        QCOMPARE(CertificateVerifier::whatsAppRootKey(), CertificateVerifier().rootPublicKey());
        // so a chain from a test root fails at check 2 under the default verifier
        Pki pki;
        pki.interDetails.notAfter = pki.leafDetails.notAfter = quint64(4'000'000'000);
        const auto result = CertificateVerifier().verify(pki.chain().serialize(), pki.server.pub);
        QVERIFY(!result);
        QCOMPARE(result.error(), CertError::BadIntermediateSignature);
    }
    void systemClockIsTheDefault()
    {
        Pki pki;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        pki.interDetails.notBefore = pki.leafDetails.notBefore = quint64(now - 600);
        pki.interDetails.notAfter = pki.leafDetails.notAfter = quint64(now + 600);
        QVERIFY(CertificateVerifier(pki.root.pub).verify(pki.chain().serialize(), pki.server.pub));
        pki.leafDetails.notAfter = quint64(now - 300);
        QCOMPARE(CertificateVerifier(pki.root.pub).verify(pki.chain().serialize(), pki.server.pub).error(),
                 CertError::Expired);
    }

    void createMakesAValidChain()
    {
        const KeyPair root = KeyPair::generate(), inter = KeyPair::generate(), server = KeyPair::generate();
        const CertChain chain = CertChain::create(root, inter, server.pub, kNow - 10, kNow + 10, 5, 6);
        const auto back = CertChain::parse(chain.serialize());
        QVERIFY(back);
        const auto i = CertificateDetails::parse(back->intermediate.details);
        const auto l = CertificateDetails::parse(back->leaf.details);
        QVERIFY(i && l);
        QCOMPARE(*i, (CertificateDetails{5, 0, inter.pub, quint64(kNow - 10), quint64(kNow + 10)}));
        QCOMPARE(*l, (CertificateDetails{6, 5, server.pub, quint64(kNow - 10), quint64(kNow + 10)}));
        QVERIFY(xeddsa::verify(root.pub, back->intermediate.details, back->intermediate.signature));
        QVERIFY(xeddsa::verify(inter.pub, back->leaf.details, back->leaf.signature));
        QVERIFY(CertificateVerifier(root.pub, [] { return kNow; }).verify(chain.serialize(), server.pub));
    }
    void detailsWireFormat()
    {
        // PROTOCOL.md §2.4 field numbers: serial 1, issuerSerial 2, key 3, notBefore 4, notAfter 5
        const CertificateDetails d{1, 0, QByteArray(32, 'k'), 300, 400};
        QCOMPARE(d.serialize(), QByteArray::fromHex("0801" "1000" "1a20") + QByteArray(32, 'k')
                                    + QByteArray::fromHex("20ac02" "289003"));
        NoiseCertificate c{"D", "S"};
        QCOMPARE((CertChain{c, {"I", "T"}}.serialize()), QByteArray::fromHex("0a06" "0a0144" "120153" "1206" "0a0149" "120154"));
    }
};

QTEST_GUILESS_MAIN(TestCertificates)
#include "tst_certificates.moc"
