#include "router.h"

#include <QUrl>

namespace wagate {

Router::Compiled Router::compile(const QString &pattern)
{
    Compiled c;
    const QStringList parts = pattern.split(u'/', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        Segment s;
        if (p.startsWith(u'{')) {
            const qsizetype close = p.indexOf(u'}');
            Q_ASSERT(close > 0);
            s.param = true;
            if (close + 1 < p.size()) {
                Q_ASSERT(p[close + 1] == u':');
                s.verb = p.mid(close + 2);
                c.hasVerb = true;
            }
        } else {
            s.literal = p;
        }
        c.segments.append(s);
    }
    return c;
}

void Router::add(Route route)
{
    m_compiled.append(compile(route.pattern));
    m_routes.append(std::move(route));
}

bool Router::matchSegments(const Compiled &c, const QStringList &raw, QStringList *params)
{
    if (raw.size() != c.segments.size())
        return false;
    QStringList out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const Segment &s = c.segments[i];
        const QString &r = raw[i];
        if (!s.param) {
            if (r != s.literal)
                return false;
            continue;
        }
        QString value = r;
        if (!s.verb.isEmpty()) {
            // The id never contains a colon, so the verb is whatever follows the first one.
            const qsizetype colon = r.indexOf(u':');
            if (colon < 0 || QStringView(r).mid(colon + 1) != s.verb)
                return false;
            value = r.left(colon);
        }
        out.append(QUrl::fromPercentEncoding(value.toUtf8()));
    }
    *params = out;
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &rawPath) const
{
    Match m;
    QString path = rawPath;
    // "%3A" is a colon too: decode it before splitting so :verb routes see it, but keep "%2F" encoded.
    path.replace(QStringLiteral("%3A"), QStringLiteral(":"), Qt::CaseInsensitive);
    const QStringList raw = path.split(u'/', Qt::SkipEmptyParts);
    const QByteArray effective = method == "HEAD" ? QByteArray("GET") : method;
    // Custom-method routes first: "id:start" belongs to :start (or is a 405 there), never to the
    // plain "{session}" route. Only when no custom method claims the path do plain routes try.
    for (const bool verbs : {true, false}) {
        for (qsizetype i = 0; i < m_routes.size(); ++i) {
            if (m_compiled[i].hasVerb != verbs)
                continue;
            QStringList params;
            if (!matchSegments(m_compiled[i], raw, &params))
                continue;
            if (m_routes[i].method == effective) {
                m.route = &m_routes[i];
                m.params = params;
                m.allowed.clear();
                return m;
            }
            if (!m.allowed.contains(m_routes[i].method))
                m.allowed.append(m_routes[i].method);
        }
        if (!m.allowed.isEmpty())
            return m;
    }
    return m;
}

} // namespace wagate
