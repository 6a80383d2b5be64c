#pragma once

#include "httptypes.h"

#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wagate {

struct RouteContext;

//! One route: a method, a path pattern such as "/api/v1/sessions/{session}:start" (a "{name}" is one
//! path segment; a ":verb" suffix is an AIP custom method), and whether a credential is needed.
struct Route
{
    enum class Access { Public, Authenticated };

    QByteArray method;
    QString pattern;
    Access access = Access::Authenticated;
    std::function<void(RouteContext &)> handler;
};

//! Matches requests to routes by path segments: no regular expressions, percent-decoding per
//! segment (so "%2F" never splits one), the custom-method colon handled explicitly.
class Router
{
public:
    struct Match
    {
        const Route *route = nullptr;
        QStringList params;          //!< decoded values of the pattern's {names}, in order
        QByteArrayList allowed;      //!< methods the path supports, when the method did not match
    };

    void add(Route route);
    Match match(const QByteArray &method, const QString &rawPath) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    struct Segment
    {
        QString literal; //!< when not a parameter
        bool param = false;
        QString verb;    //!< ":start" suffix of a parameter segment, without the colon
    };
    struct Compiled
    {
        QList<Segment> segments;
        bool hasVerb = false;
    };
    static Compiled compile(const QString &pattern);
    static bool matchSegments(const Compiled &c, const QStringList &rawSegments, QStringList *params);

    QList<Route> m_routes;
    QList<Compiled> m_compiled;
};

} // namespace wagate
