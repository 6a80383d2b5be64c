#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wagate {

//! Follows the HTTP/1.1 request framing on one connection, byte by byte as it arrives, so a request
//! whose body exceeds the limit is refused before the body is buffered. It only frames: request line
//! and headers up to the blank line, then a Content-Length body or chunked body. Framing two parsers
//! could read differently is refused: Content-Length together with Transfer-Encoding, a
//! Transfer-Encoding other than a single "chunked", differing Content-Lengths. It does not judge
//! anything else (the HTTP parser behind it does).
class BodyLimiter
{
public:
    enum class Verdict {
        Ok,              //!< keep going
        BodyTooLarge,    //!< declared or streamed body over the limit → 413
        HeadersTooLarge, //!< request line + headers over the header limit → 431
        Malformed,       //!< framing we cannot follow or that is ambiguous (bad Content-Length, bad
                         //!< chunk size, Content-Length with Transfer-Encoding) → 400
    };

    explicit BodyLimiter(qint64 maxBody = 1 << 20, qint64 maxHeaders = 64 * 1024)
        : m_maxBody(maxBody), m_maxHeaders(maxHeaders) {}

    //! Feeds newly received bytes; the first verdict other than Ok sticks.
    Verdict feed(QByteArrayView bytes);
    Verdict verdict() const { return m_verdict; }
    //! Requests completely framed so far on this connection.
    int completedRequests() const { return m_completed; }

private:
    enum class State { Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers };

    void headersDone();
    void chunkSizeLine();
    void fail(Verdict v) { if (m_verdict == Verdict::Ok) m_verdict = v; }
    void requestDone();

    qint64 m_maxBody;
    qint64 m_maxHeaders;
    Verdict m_verdict = Verdict::Ok;
    State m_state = State::Headers;
    QByteArray m_line;       //!< the current header line or chunk-size line
    QByteArray m_headerBlock; //!< headers of the current request (bounded by m_maxHeaders)
    qint64 m_headerBytes = 0;
    qint64 m_remaining = 0;  //!< bytes left in the Content-Length body or the current chunk
    qint64 m_bodyBytes = 0;  //!< body bytes of the current request so far
    int m_completed = 0;
};

} // namespace wagate
