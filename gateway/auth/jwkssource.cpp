#include "jwkssource.h"

#include "core/logging.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace wagate {

JwksSource::JwksSource(const QString &location, QNetworkAccessManager *network, Clock clock, QObject *parent)
    : QObject(parent), m_location(location), m_network(network), m_clock(std::move(clock))
{
    const QUrl url(location, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https")) {
        m_url = url;
    } else if (url.isValid() && url.isLocalFile()) {
        m_url = url;
        m_path = url.toLocalFile();
    } else {
        m_path = location;
    }
}

JwksSource::~JwksSource()
{
    if (m_reply)
        m_reply->abort();
}

const Jwk *JwksSource::find(const QString &kid) const
{
    if (kid.isEmpty())
        return nullptr;
    for (const Jwk &k : m_keys)
        if (k.kid == kid)
            return &k;
    return nullptr;
}

bool JwksSource::isFresh() const
{
    return m_lastFetchAt >= 0 && m_clock() < m_freshUntil;
}

bool JwksSource::mayRefetch() const
{
    return isFetching() || m_lastFetchAt < 0 || m_clock() - m_lastFetchAt >= kMinRefetchMs;
}

bool JwksSource::refresh()
{
    if (isFetching())
        return true;
    if (!mayRefetch())
        return false;
    m_lastFetchAt = m_clock();
    ++m_fetchCount;
    if (!isRemote()) {
        loadFile();
        return true;
    }
    QNetworkRequest request(m_url);
    request.setTransferTimeout(kFetchTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    // A JWKS is small; stop reading a body that claims or grows past the cap.
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64 total) {
        if (received > jwklimits::kMaxDocumentBytes || total > jwklimits::kMaxDocumentBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, &JwksSource::onFinished);
    qCDebug(lcAuth).noquote() << "fetching JWKS" << m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    return true;
}

void JwksSource::loadFile()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcAuth).noquote() << "cannot read JWKS file" << m_path << ":" << file.errorString();
        emit refreshed(false);
        return;
    }
    const QByteArray body = file.read(jwklimits::kMaxDocumentBytes + 1);
    auto keys = parseJwks(body);
    if (!keys) {
        qCWarning(lcAuth).noquote() << "JWKS file" << m_path << "rejected:" << keys.error().message;
        emit refreshed(false);
        return;
    }
    accept(*keys, kDefaultMaxAgeMs);
}

void JwksSource::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        qCWarning(lcAuth).noquote() << "JWKS fetch from" << where << "failed:"
                          << (status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
        emit refreshed(false);
        return;
    }
    const QByteArray body = reply->read(jwklimits::kMaxDocumentBytes + 1);
    auto keys = parseJwks(body);
    if (!keys) {
        qCWarning(lcAuth).noquote() << "JWKS from" << where << "rejected:" << keys.error().message;
        emit refreshed(false);
        return;
    }
    accept(*keys, maxAgeMs(reply->rawHeader("Cache-Control")));
}

void JwksSource::accept(const QList<Jwk> &keys, qint64 maxAge)
{
    m_keys = keys;
    m_freshUntil = m_clock() + maxAge;
    qCDebug(lcAuth).noquote() << "JWKS" << (isRemote() ? m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery) : m_path)
                    << "has" << m_keys.size() << "usable keys, fresh for" << maxAge / 1000 << "s";
    emit refreshed(true);
}

qint64 JwksSource::maxAgeMs(const QByteArray &cacheControl)
{
    const QString value = QString::fromLatin1(cacheControl).toLower();
    if (value.isEmpty())
        return kDefaultMaxAgeMs;
    qint64 ms = kDefaultMaxAgeMs;
    for (const QString &raw : value.split(u',')) {
        const QString directive = raw.trimmed();
        if (directive == u"no-cache" || directive == u"no-store")
            return kMinMaxAgeMs;
        if (directive.startsWith(QLatin1StringView("max-age="))) {
            bool ok = false;
            const qint64 seconds = directive.mid(8).remove(u'"').toLongLong(&ok);
            if (ok && seconds >= 0)
                ms = seconds > kMaxMaxAgeMs / 1000 ? kMaxMaxAgeMs : seconds * 1000;
        }
    }
    return std::clamp(ms, kMinMaxAgeMs, kMaxMaxAgeMs);
}

} // namespace wagate
