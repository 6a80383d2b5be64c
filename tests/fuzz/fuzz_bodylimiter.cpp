// BodyLimiter under arbitrary byte streams: it sees every HTTP byte before QtHttpServer does. Checked
// properties: it never crashes or reads out of bounds; how the bytes are split into reads never
// changes the verdict or the number of requests framed; the first verdict other than Ok sticks; and
// a stream it accepts never carries a body over the limit.
//
// Input: [chunk seed][limit selector][stream...].

#include "api/bodylimiter.h"

#include <QByteArrayView>

#include <cstdint>
#include <cstdlib>

using namespace wagate;

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

struct Outcome
{
    BodyLimiter::Verdict verdict = BodyLimiter::Verdict::Ok;
    int completed = 0;
};

Outcome feedAll(QByteArrayView stream, quint8 seed, qint64 maxBody, qint64 maxHeaders)
{
    BodyLimiter limiter(maxBody, maxHeaders);
    quint32 state = seed | 1u;
    qsizetype pos = 0;
    BodyLimiter::Verdict first = BodyLimiter::Verdict::Ok;
    do {
        // chunk sizes 0..63 from a small LCG (seed 0: all at once); empty reads must be harmless
        state = state * 1103515245u + 12345u;
        const qsizetype n = seed == 0 ? stream.size() - pos : std::min<qsizetype>((state >> 16) & 63, stream.size() - pos);
        const auto v = limiter.feed(stream.sliced(pos, n));
        if (first == BodyLimiter::Verdict::Ok)
            first = v;
        check(v == first); // sticks once given
        check(limiter.verdict() == v);
        pos += n;
    } while (pos < stream.size());
    return {limiter.verdict(), limiter.completedRequests()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 seed = data[0];
    // Small limits reach the limit branches; the gateway's own are 1 MiB and 64 KiB.
    const qint64 maxBody = (data[1] & 1) ? 64 : (1 << 20);
    const qint64 maxHeaders = (data[1] & 2) ? 128 : 64 * 1024;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    const Outcome whole = feedAll(stream, 0, maxBody, maxHeaders);
    const Outcome split = feedAll(stream, seed, maxBody, maxHeaders);
    check(whole.verdict == split.verdict);
    check(whole.completed == split.completed);
    // Every framed request is at least a request line's terminator, so it cannot outnumber the bytes.
    check(whole.completed <= stream.size());
    return 0;
}
