#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace wagate {

//! One HTTP request as our routes see it, independent of the QtHttpServer version behind it.
struct HttpRequest
{
    QByteArray method;        //!< "GET", "POST", …
    QString rawPath;          //!< still percent-encoded, so "%2F" never splits a segment
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    //! The first header with this name (case-insensitive), or empty.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[k, v] : headers)
            if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/json";
};

} // namespace wagate
