// BodyLimiter, the byte-level framing tracker every HTTP byte passes before QtHttpServer sees it:
// one row per framing a client can send, each fed whole and byte by byte (the verdict must not
// depend on how the bytes arrive).
#include "api/bodylimiter.h"

#include <QTest>

using namespace wagate;
using V = BodyLimiter::Verdict;

Q_DECLARE_METATYPE(BodyLimiter::Verdict)

class TestBodyLimiter : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<V>("verdict");
        QTest::addColumn<int>("completed");
        const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QTest::newRow("a GET") << get << V::Ok << 1;
        QTest::newRow("a body by length") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello") << V::Ok << 1;
        QTest::newRow("a body not all there yet") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 9\r\n\r\nhello") << V::Ok << 0;
        QTest::newRow("pipelined") << get + QByteArray("POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi") + get << V::Ok << 3;
        QTest::newRow("a stray blank line between requests") << get + "\r\n" + get << V::Ok << 2;
        QTest::newRow("bare LF line ends") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << V::Ok << 1;
        QTest::newRow("chunked") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << V::Ok << 1;
        QTest::newRow("chunk extensions") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                        "5;name=value;other\r\nhello\r\n3 ; x=\"y\"\r\nabc\r\n0;last\r\n\r\n") << V::Ok << 1;
        QTest::newRow("trailers") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n"
                                                "X-Checksum: 42\r\nX-More: yes\r\n\r\n") + get << V::Ok << 2;
        QTest::newRow("upper-case hex chunk size") << QByteArray("POST /x HTTP/1.1\r\ntransfer-encoding: CHUNKED\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n") << V::Ok << 1;
        QTest::newRow("the same length twice") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi") << V::Ok << 1;

        QTest::newRow("length and chunked together") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("chunked and length together") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("another transfer coding") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("a list of codings") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("chunked twice") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("two different lengths") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi") << V::Malformed << 0;
        QTest::newRow("a length that is no number") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 12a\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("a negative length") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << V::Malformed << 0;
        QTest::newRow("a chunk size that is no number") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << V::Malformed << 0;
        QTest::newRow("an empty chunk size") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n;ext\r\n") << V::Malformed << 0;
        QTest::newRow("chunk data without its line end") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhiX\r\n") << V::Malformed << 0;
        QTest::newRow("an endless chunk-size line") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") + QByteArray(300, '0') << V::Malformed << 0;

        QTest::newRow("a declared body over the limit") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 1025\r\n\r\n") << V::BodyTooLarge << 0;
        QTest::newRow("a body exactly at the limit") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 1024\r\n\r\n") + QByteArray(1024, 'x') << V::Ok << 1;
        QTest::newRow("chunks adding up over the limit") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n")
                                                            + QByteArray(512, 'x') + "\r\n201\r\n" << V::BodyTooLarge << 0;
        QTest::newRow("a huge chunk size") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\n") << V::BodyTooLarge << 0;
        QTest::newRow("headers over the limit") << QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(300, 'a') + "\r\n\r\n" << V::HeadersTooLarge << 0;
        QTest::newRow("trailers over the limit") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Big: ")
                                                     + QByteArray(300, 'a') + "\r\n\r\n" << V::HeadersTooLarge << 0;
        QTest::newRow("a bad request after a good one") << get + QByteArray("POST /x HTTP/1.1\r\nContent-Length: x\r\n\r\n") << V::Malformed << 1;
    }
    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(V, verdict);
        QFETCH(int, completed);
        BodyLimiter whole(1024, 256);
        QCOMPARE(whole.feed(bytes), verdict);
        QCOMPARE(whole.completedRequests(), completed);

        BodyLimiter byByte(1024, 256);
        for (char c : bytes)
            byByte.feed(QByteArrayView(&c, 1));
        QCOMPARE(byByte.verdict(), verdict);
        QCOMPARE(byByte.completedRequests(), completed);
    }

    void aVerdictSticks()
    {
        BodyLimiter l(1024, 256);
        QCOMPARE(l.feed("POST /x HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"), V::Malformed);
        QCOMPARE(l.feed("GET / HTTP/1.1\r\n\r\n"), V::Malformed);
        QCOMPARE(l.completedRequests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBodyLimiter)
#include "tst_bodylimiter.moc"
