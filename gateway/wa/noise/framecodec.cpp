#include "framecodec.h"

#include "noisehandshake.h"

#include "core/logging.h"

namespace wagate::wa {

namespace {

const QByteArray kRoutingMagic = QByteArrayLiteral("ED\x00\x01");

void appendLength(QByteArray &out, qsizetype length)
{
    out.append(char((length >> 16) & 0xFF));
    out.append(char((length >> 8) & 0xFF));
    out.append(char(length & 0xFF));
}

qsizetype readLength(const char *p)
{
    return (qsizetype(quint8(p[0])) << 16) | (qsizetype(quint8(p[1])) << 8) | qsizetype(quint8(p[2]));
}

//! Whether the available bytes are consistent with `expected` so far (a prefix of it, or all of it).
bool matchesSoFar(QByteArrayView available, QByteArrayView expected)
{
    const qsizetype n = std::min(available.size(), expected.size());
    return available.first(n) == expected.first(n);
}

} // namespace

const char *frameErrorName(FrameError error)
{
    switch (error) {
    case FrameError::FrameTooLarge: return "frame_too_large";
    case FrameError::BadConnectionHeader: return "bad_connection_header";
    case FrameError::BadRoutingPrefix: return "bad_routing_prefix";
    }
    return "unknown";
}

FrameCodec::FrameCodec(Side side) : m_side(side), m_stage(side == Side::Server ? Stage::Preamble : Stage::Frames) {}

QByteArray FrameCodec::connectionHeader()
{
    return NoiseHandshake::prologue();
}

void FrameCodec::setMaxFrameSize(qsizetype bytes)
{
    m_maxFrameSize = std::clamp<qsizetype>(bytes, 0, kMaxFrameSize);
}

FrameError FrameCodec::fail(FrameError error)
{
    m_stage = Stage::Failed;
    m_error = error;
    m_buffer.clear();
    m_pos = 0;
    qCDebug(lcWaNoise) << "frame stream refused:" << frameErrorName(error);
    return error;
}

Expected<QByteArray, FrameError> FrameCodec::encode(QByteArrayView payload)
{
    if (payload.size() > kMaxFrameSize)
        return FrameError::FrameTooLarge;
    QByteArray out;
    if (m_side == Side::Client && !m_headerSent) {
        if (m_routingOut.size() > kMaxFrameSize)
            return FrameError::FrameTooLarge;
        if (!m_routingOut.isEmpty()) {
            out.append(kRoutingMagic);
            appendLength(out, m_routingOut.size());
            out.append(m_routingOut);
        }
        out.append(connectionHeader());
        m_headerSent = true;
    }
    out.reserve(out.size() + 3 + payload.size());
    appendLength(out, payload.size());
    out.append(payload);
    return out;
}

void FrameCodec::compact()
{
    // Drop consumed bytes once they are at least half the buffer: amortised O(1) per byte even when
    // a large frame arrives one byte at a time.
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

Expected<QList<QByteArray>, FrameError> FrameCodec::decode(QByteArrayView bytes)
{
    if (m_stage == Stage::Failed)
        return m_error;
    m_buffer.append(bytes);
    QList<QByteArray> frames;
    for (;;) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_pos);
        switch (m_stage) {
        case Stage::Preamble: // server side: "ED" routing prefix or straight the "WA" header
            if (rest.isEmpty())
                return frames;
            if (rest.front() == kRoutingMagic.front()) {
                if (!matchesSoFar(rest, kRoutingMagic))
                    return fail(rest.size() >= 2 && rest[1] == 'D' ? FrameError::BadRoutingPrefix
                                                                   : FrameError::BadConnectionHeader);
                if (rest.size() < kRoutingMagic.size())
                    return frames;
                m_pos += kRoutingMagic.size();
                m_stage = Stage::RoutingLength;
            } else {
                m_stage = Stage::Header;
            }
            break;
        case Stage::RoutingLength:
            if (rest.size() < 3)
                return frames;
            m_routingLength = readLength(rest.data());
            if (m_routingLength > m_maxFrameSize)
                return fail(FrameError::FrameTooLarge);
            m_pos += 3;
            m_stage = Stage::RoutingBody;
            break;
        case Stage::RoutingBody:
            if (rest.size() < m_routingLength)
                return frames;
            m_routingIn = rest.first(m_routingLength).toByteArray();
            m_pos += m_routingLength;
            m_stage = Stage::Header;
            break;
        case Stage::Header: {
            const QByteArray header = connectionHeader();
            if (!matchesSoFar(rest, header))
                return fail(FrameError::BadConnectionHeader);
            if (rest.size() < header.size())
                return frames;
            m_pos += header.size();
            m_stage = Stage::Frames;
            break;
        }
        case Stage::Frames: {
            if (rest.size() < 3) {
                compact();
                return frames;
            }
            const qsizetype length = readLength(rest.data());
            if (length > m_maxFrameSize)
                return fail(FrameError::FrameTooLarge);
            if (rest.size() < 3 + length) {
                compact();
                return frames;
            }
            frames.append(rest.sliced(3, length).toByteArray());
            m_pos += 3 + length;
            break;
        }
        case Stage::Failed:
            return m_error;
        }
    }
}

} // namespace wagate::wa
