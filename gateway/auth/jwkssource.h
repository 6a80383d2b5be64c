#pragma once

#include "clock.h"
#include "jwk.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace wagate {

//! One trusted JWKS: an http(s) URL fetched with QNetworkAccessManager, or a local file. Keeps the
//! last good key set, refreshes it when its Cache-Control max-age runs out, and refetches early (at
//! most once per kMinRefetchMs) when a token names a kid it does not know. Never blocks: a URL fetch
//! is asynchronous and reports through refreshed(); a file is read at once. Lives on one thread.
class JwksSource : public QObject
{
    Q_OBJECT
public:
    //! location: "http://…", "https://…", "file:PATH" or a plain path.
    JwksSource(const QString &location, QNetworkAccessManager *network, Clock clock, QObject *parent = nullptr);
    ~JwksSource() override;

    QString location() const { return m_location; }
    bool isRemote() const { return m_url.isValid() && !m_url.isLocalFile(); }

    const QList<Jwk> &keys() const { return m_keys; }
    //! A key with this kid, or (for an empty kid) nothing: kid-less tokens try every key of their type.
    const Jwk *find(const QString &kid) const;
    //! False once max-age has run out since the last successful load (or before the first).
    bool isFresh() const;
    bool isFetching() const { return !m_reply.isNull(); }
    //! Whether the rate limit allows another fetch now (true while one is in flight: join it).
    bool mayRefetch() const;
    //! The number of fetches started (URL) or reads done (file); for tests and metrics.
    int fetchCount() const { return m_fetchCount; }

    //! Starts a refresh unless one is in flight or the rate limit forbids it. For a file the reload
    //! happens before this returns (and refreshed() is emitted from within); for a URL later.
    //! Returns false when nothing was started or joined.
    bool refresh();

    //! How long a fetched key set is trusted, from a Cache-Control header value.
    static qint64 maxAgeMs(const QByteArray &cacheControl);

    static constexpr qint64 kDefaultMaxAgeMs = 10 * 60 * 1000;
    static constexpr qint64 kMinMaxAgeMs = 60 * 1000;
    static constexpr qint64 kMaxMaxAgeMs = 24 * 60 * 60 * 1000;
    static constexpr qint64 kMinRefetchMs = 30 * 1000;
    static constexpr int kFetchTimeoutMs = 10 * 1000;

signals:
    //! A refresh finished; ok is false when it failed (the previous keys are kept).
    void refreshed(bool ok);

private:
    void loadFile();
    void onFinished();
    void accept(const QList<Jwk> &keys, qint64 maxAgeMs);

    QString m_location;
    QUrl m_url;
    QString m_path;
    QNetworkAccessManager *m_network = nullptr;
    Clock m_clock;
    QList<Jwk> m_keys;
    QPointer<QNetworkReply> m_reply;
    qint64 m_freshUntil = 0;
    qint64 m_lastFetchAt = -1;
    int m_fetchCount = 0;
};

} // namespace wagate
