// FrameCodec under arbitrary byte streams, as a client (server frames) and as a server (connection
// header, optional routing prefix, client frames). Checked properties: chunking never changes the
// result, and whatever was decoded survives a re-encode/decode round trip.
//
// Input: [mode][chunk seed][stream...]; mode bit 0 = server side, bit 1 = a small frame limit.

#include "wa/noise/framecodec.h"

#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace wagate::wa;

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

struct Outcome
{
    QList<QByteArray> frames;
    std::optional<FrameError> error;
};

Outcome decodeAll(FrameCodec &codec, QByteArrayView stream, quint8 seed)
{
    Outcome out;
    quint32 state = seed | 1u;
    qsizetype pos = 0;
    do {
        // chunk sizes 0..31 from a small LCG; 0-byte feeds must be harmless too
        state = state * 1103515245u + 12345u;
        const qsizetype n = seed == 0 ? stream.size() - pos : std::min<qsizetype>((state >> 16) & 31, stream.size() - pos);
        const auto got = codec.decode(stream.sliced(pos, n));
        if (!got) {
            out.error = got.error();
            return out;
        }
        out.frames += *got;
        pos += n;
    } while (pos < stream.size());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 mode = data[0];
    const quint8 seed = data[1];
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const auto side = (mode & 1) ? FrameCodec::Side::Server : FrameCodec::Side::Client;
    const qsizetype limit = (mode & 2) ? qsizetype(mode >> 2) * 8 : FrameCodec::kMaxFrameSize;

    FrameCodec whole(side), chunked(side);
    whole.setMaxFrameSize(limit);
    chunked.setMaxFrameSize(limit);
    const Outcome a = decodeAll(whole, stream, 0);
    const Outcome b = decodeAll(chunked, stream, seed);

    // Chunking is invisible: same error kind; without an error, the same frames and leftovers.
    check(a.error == b.error);
    if (!a.error) {
        check(a.frames == b.frames);
        check(whole.bufferedBytes() == chunked.bufferedBytes());
        check(whole.receivedRoutingInfo() == chunked.receivedRoutingInfo());
    } else {
        // an error is final
        check(chunked.decode("x").error() == *b.error);
    }

    // Whatever was decoded re-encodes to a stream that decodes to the same frames.
    FrameCodec sender(side == FrameCodec::Side::Server ? FrameCodec::Side::Client : FrameCodec::Side::Server);
    FrameCodec receiver(side);
    sender.setRoutingInfo(chunked.receivedRoutingInfo());
    QByteArray wire;
    for (const QByteArray &frame : b.frames) {
        const auto encoded = sender.encode(frame);
        check(encoded.ok());
        wire += *encoded;
    }
    if (!b.frames.isEmpty()) {
        const auto again = receiver.decode(wire);
        check(again.ok() && *again == b.frames && receiver.bufferedBytes() == 0);
        check(receiver.receivedRoutingInfo() == chunked.receivedRoutingInfo());
    }
    return 0;
}
