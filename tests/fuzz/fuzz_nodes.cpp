// libFuzzer target for the binary node decoder. Beyond "no crash, no leak, no unbounded allocation"
// it checks two properties on every input:
//  * whatever decodes also encodes, and decodes again to an equal node (the codec is closed);
//  * the zlib path agrees with the plain path: the input's node bytes, compressed and flagged 0x02,
//    decode to exactly the same node or the same error.
// The input itself is a frame (flag byte first), so corrupt zlib streams are fuzzed as well.

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>

using namespace wagate::wa;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool sameOutcome(const DecodeResult &a, const DecodeResult &b)
{
    if (a.ok() != b.ok())
        return false;
    if (a.ok())
        return a.node() == b.node();
    return a.error().code == b.error().code && a.error().offset == b.error().offset;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A small inflate cap keeps the fuzzer fast while still crossing it.
    static const NodeDecoder decoder(DecodeLimits{.maxDepth = 64, .maxNodes = 200000, .maxInflatedSize = 1 << 20});
    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));

    const DecodeResult result = decoder.decode(frame);
    if (result.ok()) {
        const auto encoded = NodeEncoder::encode(result.node());
        check(encoded.ok());
        const DecodeResult again = decoder.decode(*encoded);
        check(again.ok() && again.node() == result.node());
        check(NodeEncoder::encode(again.node())->toHex() == encoded->toHex());
        check(!result.node().toString().isEmpty());
    }

    if (size >= 1 && size <= 65536) {
        const QByteArrayView body = frame.sliced(1);
        uLongf packedSize = compressBound(uLong(body.size()));
        QByteArray compressed(qsizetype(1 + packedSize), Qt::Uninitialized);
        compressed[0] = char(0x02);
        check(compress2(reinterpret_cast<Bytef *>(compressed.data() + 1), &packedSize,
                        reinterpret_cast<const Bytef *>(body.data()), uLong(body.size()), 1) == Z_OK);
        compressed.truncate(qsizetype(1 + packedSize));
        check(sameOutcome(decoder.decode(compressed), decoder.decodeNode(body)));
    }
    return 0;
}
