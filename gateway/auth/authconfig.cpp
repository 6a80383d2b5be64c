#include "authconfig.h"

#include "secretstore.h"

#include <QFileInfo>
#include <QUrl>

namespace wagate {

Result<void> AuthConfig::validate() const
{
    for (const QString &source : jwks) {
        const QUrl url(source, QUrl::StrictMode);
        const bool web = url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
        const QString path = url.isValid() && url.isLocalFile() ? url.toLocalFile() : source;
        if (!web && !QFileInfo(path).isFile())
            return Error::invalidArgument(QStringLiteral("--jwks %1 is neither an http(s) URL nor a readable file").arg(source),
                                          QStringLiteral("jwks"));
    }
    if (auto r = SecretStore::validateSpec(secrets); !r)
        return r;
    if (localIssuer.isEmpty())
        return Error::invalidArgument(QStringLiteral("the local issuer needs a name"), QStringLiteral("localIssuer"));
    if (tokenLifetimeMs < 60 * 1000 || tokenLifetimeMs > 24 * 60 * 60 * 1000)
        return Error::invalidArgument(QStringLiteral("token lifetime must be 1 minute to 24 hours"), QStringLiteral("tokenLifetime"));
    if (leewaySeconds < 0 || leewaySeconds > jwtlimits::kMaxLeewaySeconds)
        return Error::invalidArgument(QStringLiteral("leeway must be 0 to 60 seconds"), QStringLiteral("leeway"));
    return {};
}

} // namespace wagate
