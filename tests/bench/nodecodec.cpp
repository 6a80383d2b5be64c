// Benchmark: binary node encode/decode throughput on a mix of WhatsApp-shaped nodes. Writes the frames
// to a file when asked, so the same bytes can be decoded by Baileys in the same run (nodecodec.mjs).
//
//   bench_nodecodec [--seconds 3] [--threads 1] [--write FILE]
#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

#include <atomic>
#include <thread>

using namespace wagate::wa;

namespace {

QString hexId(QRandomGenerator &rng)
{
    return QString::number(rng.generate64(), 16).toUpper().rightJustified(16, u'0') + QString::number(rng.generate(), 16).toUpper();
}

//! One frame of each kind WhatsApp sends a linked device all day: messages with encrypted payloads,
//! receipts, acks, presence, notifications and a device-list iq result.
QList<Node> sampleNodes(QRandomGenerator &rng)
{
    QList<Node> out;
    for (int i = 0; i < 40; ++i) {
        const Jid from = Jid::phone(QStringLiteral("62812%1").arg(rng.bounded(10000000), 7, 10, QLatin1Char('0')), quint16(rng.bounded(20)));
        const int payload = 80 + int(rng.bounded(1500));
        QByteArray enc(payload, Qt::Uninitialized);
        for (char &c : enc)
            c = char(rng.bounded(256));
        out << Node(QStringLiteral("message"),
                    {{QStringLiteral("from"), from}, {QStringLiteral("type"), "text"}, {QStringLiteral("id"), hexId(rng)},
                     {QStringLiteral("t"), QString::number(1719662400 + i)}, {QStringLiteral("notify"), "Customer name"}},
                    {Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), "msg"}}, enc)});
        out << Node(QStringLiteral("receipt"), {{QStringLiteral("from"), from}, {QStringLiteral("id"), hexId(rng)},
                                                {QStringLiteral("t"), QString::number(1719662400 + i)}, {QStringLiteral("type"), "read"}});
        out << Node(QStringLiteral("ack"), {{QStringLiteral("class"), "message"}, {QStringLiteral("id"), hexId(rng)},
                                            {QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("t"), QString::number(1719662400 + i)}});
        out << Node(QStringLiteral("presence"), {{QStringLiteral("from"), from}, {QStringLiteral("type"), "available"}});
    }
    QList<Node> devices;
    for (int d = 0; d < 50; ++d)
        devices << Node(QStringLiteral("device"), {{QStringLiteral("jid"), Jid::phone(QStringLiteral("6281%1").arg(d, 9, 10, QLatin1Char('0')), quint16(d % 5))},
                                                   {QStringLiteral("key-index"), QString::number(d)}});
    out << Node(QStringLiteral("iq"), {{QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("id"), "42"}, {QStringLiteral("type"), "result"}},
                {Node(QStringLiteral("usync"), {}, {Node(QStringLiteral("list"), {}, devices)})});
    out << Node(QStringLiteral("notification"), {{QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("type"), "encrypt"},
                                                 {QStringLiteral("id"), "77"}},
                {Node(QStringLiteral("count"), {{QStringLiteral("value"), "3"}})});
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("seconds"), QStringLiteral("seconds per measurement"), QStringLiteral("S"), QStringLiteral("3")},
                  {QStringLiteral("threads"), QStringLiteral("decoding threads"), QStringLiteral("N"), QStringLiteral("1")},
                  {QStringLiteral("write"), QStringLiteral("write the frames (hex, one per line) to FILE"), QStringLiteral("FILE")}});
    p.process(app);
    const double seconds = p.value(QStringLiteral("seconds")).toDouble();
    const int threads = std::max(1, p.value(QStringLiteral("threads")).toInt());
    QTextStream out(stdout);

    QRandomGenerator rng(42);
    const QList<Node> nodes = sampleNodes(rng);
    QList<QByteArray> frames;
    qint64 bytes = 0;
    for (const Node &n : nodes) {
        auto f = NodeEncoder::encode(n);
        if (!f) {
            QTextStream(stderr) << "encode failed: " << f.error().message << Qt::endl;
            return 1;
        }
        frames << *f;
        bytes += f->size();
    }
    if (p.isSet(QStringLiteral("write"))) {
        QFile file(p.value(QStringLiteral("write")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 1;
        for (const QByteArray &f : frames)
            file.write(f.toHex() + '\n');
    }
    out << "corpus: " << frames.size() << " frames, " << bytes << " bytes\n";

    // Baseline: a pass over the same bytes that does nothing but read them (memory bandwidth here).
    auto measure = [&](auto &&work) {
        QElapsedTimer t;
        t.start();
        qint64 done = 0;
        while (t.nsecsElapsed() < qint64(seconds * 1e9)) {
            work();
            done += bytes;
        }
        return double(done) / (double(t.nsecsElapsed()) / 1e9) / 1e6;
    };
    volatile quint64 sink = 0;
    const double baseline = measure([&] {
        quint64 sum = 0;
        for (const QByteArray &f : frames)
            for (char c : f)
                sum += uchar(c);
        sink = sink + sum;
    });
    const double encode = measure([&] {
        for (const Node &n : nodes)
            sink = sink + quint64(NodeEncoder::encode(n)->size());
    });
    const NodeDecoder decoder;
    const double decode1 = measure([&] {
        for (const QByteArray &f : frames)
            sink = sink + quint64(decoder.decode(f).ok());
    });
    double decodeN = decode1;
    if (threads > 1) {
        std::atomic<qint64> total{0};
        QElapsedTimer t;
        t.start();
        std::vector<std::thread> pool;
        for (int i = 0; i < threads; ++i) {
            pool.emplace_back([&] {
                const NodeDecoder d;
                qint64 mine = 0;
                while (t.nsecsElapsed() < qint64(seconds * 1e9)) {
                    for (const QByteArray &f : frames)
                        mine += d.decode(f).ok() ? f.size() : 0;
                }
                total += mine;
            });
        }
        for (auto &th : pool)
            th.join();
        decodeN = double(total) / (double(t.nsecsElapsed()) / 1e9) / 1e6;
    }
    out << QStringLiteral("RESULT baseline_read_MBps=%1 encode_MBps=%2 decode_MBps=%3 decode_%4threads_MBps=%5\n")
               .arg(baseline, 0, 'f', 0).arg(encode, 0, 'f', 0).arg(decode1, 0, 'f', 0).arg(threads).arg(decodeN, 0, 'f', 0);
    return 0;
}
