#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace wagate::wa {

//! Why a byte stream was refused. Errors are final: the connection must be closed.
enum class FrameError {
    FrameTooLarge,       //!< a frame (or routing prefix) longer than the limit, or a payload of 16 MiB or more to send
    BadConnectionHeader, //!< server side: the stream does not start with "WA" 06 03
    BadRoutingPrefix,    //!< server side: an "ED" routing prefix with an unknown version
};

//! A short stable name for logs and error details, e.g. "frame_too_large".
const char *frameErrorName(FrameError error);

//! WhatsApp's framing over a byte stream (WebSocket message boundaries mean nothing): each frame is
//! a 3-byte big-endian length and that many bytes. The client writes the connection header
//! "WA" 06 03 once, in front of its very first frame, optionally preceded by an edge-routing prefix
//! "ED" 00 01 + 3-byte length + routing bytes. The server side accepts both before its first frame.
class FrameCodec
{
public:
    enum class Side { Client, Server };

    //! The largest length a 3-byte prefix can carry (16 MiB - 1).
    static constexpr qsizetype kMaxFrameSize = 0xFFFFFF;

    explicit FrameCodec(Side side);

    //! The 4-byte connection header, which is also the Noise prologue.
    static QByteArray connectionHeader();

    //! Client side: routing bytes from an earlier <edge_routing>, sent as the "ED" prefix before the
    //! header. Only effective before the first encode().
    void setRoutingInfo(const QByteArray &routingInfo) { m_routingOut = routingInfo; }
    //! Incoming frames (and routing prefixes) longer than this are refused. At most kMaxFrameSize.
    void setMaxFrameSize(qsizetype bytes);
    qsizetype maxFrameSize() const { return m_maxFrameSize; }

    //! One payload as wire bytes; the client's first call also writes the prefix and header.
    Expected<QByteArray, FrameError> encode(QByteArrayView payload);
    //! Feeds received bytes in any chunking; returns the frames they complete, in order (often none).
    Expected<QList<QByteArray>, FrameError> decode(QByteArrayView bytes);

    Side side() const { return m_side; }
    //! Server side: true once the connection header has arrived.
    bool headerReceived() const { return m_stage == Stage::Frames; }
    //! Server side: the routing bytes of a received "ED" prefix (empty if none).
    QByteArray receivedRoutingInfo() const { return m_routingIn; }
    //! Bytes received but not yet part of a complete frame.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    enum class Stage { Preamble, RoutingLength, RoutingBody, Header, Frames, Failed };

    FrameError fail(FrameError error);
    void compact();

    Side m_side;
    Stage m_stage;
    qsizetype m_maxFrameSize = kMaxFrameSize;
    QByteArray m_routingOut;
    QByteArray m_routingIn;
    qsizetype m_routingLength = 0;
    bool m_headerSent = false;
    FrameError m_error = FrameError::FrameTooLarge;
    QByteArray m_buffer;
    qsizetype m_pos = 0; //!< start of unconsumed bytes in m_buffer
};

} // namespace wagate::wa
