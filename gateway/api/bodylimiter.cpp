#include "bodylimiter.h"

#include <QList>

namespace wagate {

namespace {

bool parseContentLength(QByteArrayView v, qint64 *out)
{
    v = v.trimmed();
    if (v.isEmpty() || v.size() > 18)
        return false;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

} // namespace

BodyLimiter::Verdict BodyLimiter::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n && m_verdict == Verdict::Ok) {
        switch (m_state) {
        case State::Headers:
        case State::Trailers: {
            const char c = bytes[i++];
            if (++m_headerBytes > m_maxHeaders) {
                fail(Verdict::HeadersTooLarge);
                break;
            }
            if (c != '\n') {
                m_line.append(c);
                break;
            }
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            if (m_line.isEmpty()) {
                if (m_state == State::Trailers)
                    requestDone();
                else if (!m_headerBlock.isEmpty())
                    headersDone();
                // else: a stray CRLF between requests, allowed by RFC 9112 §2.2
                break;
            }
            if (m_state == State::Headers) {
                m_headerBlock.append(m_line);
                m_headerBlock.append('\n');
            }
            m_line.clear();
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_remaining, n - i);
            i += take;
            m_remaining -= take;
            if (m_remaining == 0)
                requestDone();
            break;
        }
        case State::ChunkSize: {
            const char c = bytes[i++];
            if (c == '\n') {
                chunkSizeLine();
            } else if (m_line.size() < 256) {
                m_line.append(c);
            } else {
                fail(Verdict::Malformed);
            }
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, n - i);
            i += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_line.clear();
            }
            break;
        }
        case State::ChunkDataEnd: {
            const char c = bytes[i++];
            if (c == '\n') {
                m_state = State::ChunkSize;
                m_line.clear();
            } else if (c != '\r') {
                fail(Verdict::Malformed);
            }
            break;
        }
        }
    }
    return m_verdict;
}

void BodyLimiter::headersDone()
{
    qint64 contentLength = 0;
    bool chunked = false;
    bool haveLength = false;
    const QList<QByteArray> lines = m_headerBlock.split('\n');
    for (qsizetype k = 1; k < lines.size(); ++k) { // line 0 is the request line
        const QByteArray &line = lines[k];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArrayView value = QByteArrayView(line).sliced(colon + 1);
        if (name == "content-length") {
            qint64 v = 0;
            if (!parseContentLength(value, &v) || (haveLength && v != contentLength)) {
                fail(Verdict::Malformed);
                return;
            }
            contentLength = v;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            // Only "chunked" is ours to follow; anything else (gzip, a list, a repeat) could frame
            // the body differently for the parser behind us.
            if (chunked || value.trimmed().toByteArray().toLower() != "chunked") {
                fail(Verdict::Malformed);
                return;
            }
            chunked = true;
        }
    }
    if (chunked && haveLength) {
        // RFC 9112 §6.1 lets Transfer-Encoding win, but if the parser behind us chose Content-Length
        // the two of us would disagree about where this body ends (request smuggling): refuse it.
        fail(Verdict::Malformed);
        return;
    }
    m_line.clear();
    m_bodyBytes = 0;
    if (chunked) {
        m_state = State::ChunkSize;
        return;
    }
    if (contentLength > m_maxBody) {
        fail(Verdict::BodyTooLarge);
        return;
    }
    if (contentLength == 0) {
        requestDone();
        return;
    }
    m_remaining = contentLength;
    m_state = State::Body;
}

void BodyLimiter::chunkSizeLine()
{
    QByteArray line = m_line;
    m_line.clear();
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype semi = line.indexOf(';'); // chunk extensions
    if (semi >= 0)
        line.truncate(semi);
    line = line.trimmed();
    if (line.isEmpty() || line.size() > 15) {
        fail(Verdict::Malformed);
        return;
    }
    bool ok = false;
    const qint64 size = line.toLongLong(&ok, 16);
    if (!ok || size < 0) {
        fail(Verdict::Malformed);
        return;
    }
    if (size == 0) {
        m_state = State::Trailers;
        return;
    }
    m_bodyBytes += size;
    if (m_bodyBytes > m_maxBody) {
        fail(Verdict::BodyTooLarge);
        return;
    }
    m_remaining = size;
    m_state = State::ChunkData;
}

void BodyLimiter::requestDone()
{
    ++m_completed;
    m_state = State::Headers;
    m_headerBlock.clear();
    m_headerBytes = 0;
    m_line.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
}

} // namespace wagate
