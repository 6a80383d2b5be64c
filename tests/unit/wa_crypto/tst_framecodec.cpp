// FrameCodec: 3-byte big-endian frames over an arbitrarily chunked byte stream, the client's one-time
// connection header (and optional edge-routing prefix), and the server side that accepts both.

#include "wa/noise/framecodec.h"

#include "core/ids.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;

Q_DECLARE_METATYPE(wagate::wa::FrameError)

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

QList<QByteArray> samplePayloads()
{
    return {QByteArray("first"), QByteArray(), QByteArray(1, '\0'), secureRandomBytes(300), secureRandomBytes(70000),
            QByteArray("last")};
}

//! Feeds `wire` in chunks of the given sizes (cycled); fails the test on an error.
QList<QByteArray> feed(FrameCodec &codec, const QByteArray &wire, const QList<int> &chunkSizes)
{
    QList<QByteArray> frames;
    qsizetype pos = 0;
    for (int i = 0; pos < wire.size(); ++i) {
        const qsizetype n = std::min<qsizetype>(chunkSizes[i % chunkSizes.size()], wire.size() - pos);
        auto got = codec.decode(QByteArrayView(wire).sliced(pos, n));
        if (!got) {
            qWarning("decode failed: %s", frameErrorName(got.error()));
            return {};
        }
        frames += *got;
        pos += n;
    }
    return frames;
}

} // namespace

class TestFrameCodec : public QObject
{
    Q_OBJECT
private slots:
    void clientWritesTheHeaderOnce()
    {
        FrameCodec client(FrameCodec::Side::Client);
        QCOMPARE(*client.encode("abc"), hex("57410603000003") + "abc");
        QCOMPARE(*client.encode("de"), hex("000002") + "de");
        QCOMPARE(*client.encode({}), hex("000000"));
    }
    void serverNeverWritesAHeader()
    {
        FrameCodec server(FrameCodec::Side::Server);
        QCOMPARE(*server.encode("abc"), hex("000003") + "abc");
    }
    void clientWritesTheRoutingPrefixFirst()
    {
        FrameCodec client(FrameCodec::Side::Client);
        client.setRoutingInfo(hex("0a0b0c"));
        QCOMPARE(*client.encode("x"), hex("45440001000003" "0a0b0c" "57410603" "000001") + "x");
        QCOMPARE(*client.encode("y"), hex("000001") + "y");
    }
    void lengthIsBigEndian()
    {
        FrameCodec server(FrameCodec::Side::Server);
        const QByteArray wire = *server.encode(QByteArray(0x012345, 'z'));
        QCOMPARE(wire.first(3), hex("012345"));
        QCOMPARE(wire.size(), 3 + 0x012345);
    }

    void chunking_data()
    {
        QTest::addColumn<bool>("serverSide");
        QTest::addColumn<QByteArray>("routing");
        QTest::addColumn<QList<int>>("chunks");
        for (bool server : {false, true}) {
            const char *side = server ? "server" : "client";
            QTest::addRow("%s, byte by byte", side) << server << QByteArray() << QList<int>{1};
            QTest::addRow("%s, all at once", side) << server << QByteArray() << QList<int>{1 << 30};
            QTest::addRow("%s, 2-byte chunks (prefix split)", side) << server << QByteArray() << QList<int>{2};
            QTest::addRow("%s, odd chunks", side) << server << QByteArray() << QList<int>{5, 1, 4096, 2, 7};
            QTest::addRow("%s, large chunks", side) << server << QByteArray() << QList<int>{40000};
        }
        QTest::newRow("server, routing prefix, byte by byte") << true << QByteArray("routing!") << QList<int>{1};
        QTest::newRow("server, routing prefix, at once") << true << QByteArray("routing!") << QList<int>{1 << 30};
        QTest::newRow("server, routing prefix, odd") << true << secureRandomBytes(300) << QList<int>{3, 11, 2};
    }
    void chunking()
    {
        QFETCH(bool, serverSide);
        QFETCH(QByteArray, routing);
        QFETCH(QList<int>, chunks);
        // The sender is the opposite side of the receiver.
        FrameCodec sender(serverSide ? FrameCodec::Side::Client : FrameCodec::Side::Server);
        FrameCodec receiver(serverSide ? FrameCodec::Side::Server : FrameCodec::Side::Client);
        sender.setRoutingInfo(routing);
        QByteArray wire;
        const QList<QByteArray> payloads = samplePayloads();
        for (const QByteArray &p : payloads)
            wire += *sender.encode(p);
        QCOMPARE(feed(receiver, wire, chunks), payloads);
        QCOMPARE(receiver.bufferedBytes(), 0);
        if (serverSide) {
            QVERIFY(receiver.headerReceived());
            QCOMPARE(receiver.receivedRoutingInfo(), routing);
        }
    }
    void randomChunking()
    {
        auto *rng = QRandomGenerator::global();
        for (int round = 0; round < 50; ++round) {
            FrameCodec client(FrameCodec::Side::Client), server(FrameCodec::Side::Server);
            QList<QByteArray> payloads;
            QByteArray wire;
            for (int i = 0, n = rng->bounded(1, 20); i < n; ++i) {
                payloads.append(secureRandomBytes(rng->bounded(0, 600)));
                wire += *client.encode(payloads.last());
            }
            QList<int> chunks;
            for (int i = 0; i < 10; ++i)
                chunks.append(rng->bounded(1, 200));
            QCOMPARE(feed(server, wire, chunks), payloads);
        }
    }
    void severalFramesInOneChunk()
    {
        FrameCodec server(FrameCodec::Side::Server);
        const auto got = server.decode(hex("57410603" "000001" "61" "000000" "000002" "6263" "0000"));
        QVERIFY(got);
        QCOMPARE(*got, (QList<QByteArray>{"a", "", "bc"}));
        QCOMPARE(server.bufferedBytes(), 2); // the start of a length prefix waits
        QCOMPARE(*server.decode(hex("01")), QList<QByteArray>{});
        QCOMPARE(*server.decode("z"), QList<QByteArray>{"z"});
    }
    void largestFrame()
    {
        FrameCodec server(FrameCodec::Side::Server), client(FrameCodec::Side::Client);
        const QByteArray big(FrameCodec::kMaxFrameSize, 'q');
        const auto wire = server.encode(big);
        QVERIFY(wire);
        QCOMPARE(wire->first(3), hex("ffffff"));
        QCOMPARE(*client.decode(*wire), QList<QByteArray>{big});
    }

    void oversizedFramesAreRefused()
    {
        // 16 MiB cannot be expressed in 3 bytes: refused before anything is written
        FrameCodec client(FrameCodec::Side::Client);
        const auto refused = client.encode(QByteArray(16 * 1024 * 1024, 'x'));
        QVERIFY(!refused);
        QCOMPARE(refused.error(), FrameError::FrameTooLarge);
        // nothing was sent, so the next frame still carries the header
        QCOMPARE(client.encode("a")->first(4), hex("57410603"));

        // a receiver with a lower limit refuses as soon as it sees the length
        FrameCodec server(FrameCodec::Side::Server);
        server.setMaxFrameSize(1000);
        QCOMPARE(*server.decode(hex("57410603" "0003e8")), QList<QByteArray>{}); // 1000: fine so far
        QCOMPARE(*server.decode(QByteArray(1000, 'y')), QList<QByteArray>{QByteArray(1000, 'y')});
        const auto tooBig = server.decode(hex("0003e9"));
        QVERIFY(!tooBig);
        QCOMPARE(tooBig.error(), FrameError::FrameTooLarge);
        // errors are final
        QCOMPARE(server.decode(hex("000001") + "a").error(), FrameError::FrameTooLarge);

        FrameCodec routed(FrameCodec::Side::Server);
        routed.setMaxFrameSize(10);
        QCOMPARE(routed.decode(hex("45440001" "00000b")).error(), FrameError::FrameTooLarge);
    }

    void badPreambles_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<FrameError>("error");
        QTest::newRow("no header") << hex("000001") + "a" << FrameError::BadConnectionHeader;
        QTest::newRow("old dictionary version") << hex("57410602000001") + "a" << FrameError::BadConnectionHeader;
        QTest::newRow("wrong magic") << hex("57420603") << FrameError::BadConnectionHeader;
        QTest::newRow("first byte only, wrong") << hex("58") << FrameError::BadConnectionHeader;
        QTest::newRow("routing version 2") << hex("45440002000000") << FrameError::BadRoutingPrefix;
        QTest::newRow("E then garbage") << hex("45ff") << FrameError::BadConnectionHeader;
        QTest::newRow("header missing after routing") << hex("45440001000001" "aa" "000001") << FrameError::BadConnectionHeader;
    }
    void badPreambles()
    {
        QFETCH(QByteArray, wire);
        QFETCH(FrameError, error);
        // in one piece and byte by byte: the error is the same and shows up as soon as it is certain
        FrameCodec whole(FrameCodec::Side::Server);
        QCOMPARE(whole.decode(wire).error(), error);
        FrameCodec bytewise(FrameCodec::Side::Server);
        bool failed = false;
        for (char c : wire) {
            const auto r = bytewise.decode(QByteArrayView(&c, 1));
            if (!r) {
                QCOMPARE(r.error(), error);
                failed = true;
                break;
            }
        }
        QVERIFY(failed);
    }
    void clientSideExpectsNoHeader()
    {
        // the server's frames have no header: "WA.." is read as a length prefix
        FrameCodec client(FrameCodec::Side::Client);
        client.setMaxFrameSize(1024);
        QCOMPARE(client.decode(hex("57410603")).error(), FrameError::FrameTooLarge);
    }
    void partialHeaderWaits()
    {
        FrameCodec server(FrameCodec::Side::Server);
        QCOMPARE(*server.decode(hex("5741")), QList<QByteArray>{});
        QVERIFY(!server.headerReceived());
        QCOMPARE(*server.decode(hex("0603")), QList<QByteArray>{});
        QVERIFY(server.headerReceived());
    }
};

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_framecodec.moc"
