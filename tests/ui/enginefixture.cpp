#include "enginefixture.h"

#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionmanager.h"
#include "store/organizationrepository.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

namespace wagate::test {

EngineFixture::EngineFixture() : m_tdb(std::make_unique<TestDatabase>(TestDatabase::Backend::Sqlite))
{
    ApiConfig api;
    api.port = 0;
    m_host = std::make_unique<EngineHost>(engineConfig(*m_tdb), api);
    m_facade = std::make_unique<EngineFacadeImpl>(*m_host, m_tdb->dataDir());
}

EngineFixture::~EngineFixture()
{
    m_facade.reset();
    m_host->stop();
    m_host.reset();
}

bool EngineFixture::start()
{
    QSignalSpy ready(m_facade.get(), &EngineFacade::engineReady);
    QSignalSpy failed(m_facade.get(), &EngineFacade::engineFailed);
    m_host->start();
    if (!QTest::qWaitFor([&] { return ready.count() > 0 || failed.count() > 0; }, 30000) || failed.count() > 0) {
        qWarning() << "the engine did not start:" << (failed.isEmpty() ? QString() : failed.first().first().toString());
        return false;
    }
    m_baseUrl = m_facade->apiBaseUrl();
    return true;
}

bool EngineFixture::onEngine(const std::function<void(Engine &)> &fn)
{
    auto done = std::make_shared<std::atomic<bool>>(false);
    EngineWorker *worker = m_host->worker();
    QMetaObject::invokeMethod(worker, [worker, fn, done] {
        if (Engine *e = worker->engine())
            fn(*e);
        *done = true;
    }, Qt::QueuedConnection);
    return QTest::qWaitFor([&] { return done->load(); }, 10000);
}

QString EngineFixture::createOrganization(const QString &name)
{
    const QString id = ids::newOrganizationId();
    bool ok = false;
    onEngine([&](Engine &e) { ok = bool(e.organizations().insert({id, name, QDateTime::currentMSecsSinceEpoch()})); });
    return ok ? id : QString();
}

QString EngineFixture::createApiKey(const QString &organizationId, const QString &name, Capabilities caps)
{
    QString token;
    onEngine([&](Engine &e) {
        if (auto k = e.apiKeys().create(Principal::system(organizationId), name, caps))
            token = k->token;
    });
    return token;
}

bool EngineFixture::useScriptedConnections(bool on)
{
    return onEngine([this, on](Engine &e) { e.manager().setConnectionFactory(on ? &m_factory : nullptr); });
}

bool EngineFixture::script(const QString &sessionId, const std::function<void(ScriptedConnection &)> &fn)
{
    bool found = false;
    const bool ran = onEngine([&](Engine &) {
        if (ScriptedConnection *c = m_factory.made.value(sessionId)) {
            found = true;
            fn(*c);
        }
    });
    return ran && found;
}

QStringList EngineFixture::callsOf(const QString &sessionId)
{
    QStringList calls;
    onEngine([&](Engine &) {
        if (ScriptedConnection *c = m_factory.made.value(sessionId))
            calls = c->calls;
    });
    return calls;
}

bool EngineFixture::signIn(const QString &apiKey)
{
    auto ok = std::make_shared<std::optional<bool>>();
    m_facade->signInWithApiKey(apiKey, [ok](Result<Principal> r) { *ok = bool(r); });
    return QTest::qWaitFor([&] { return ok->has_value(); }, 10000) && **ok;
}

namespace {

//! Calls an asynchronous facade function and waits for its answer.
template<typename T>
std::optional<Result<T>> await(const std::function<void(EngineFacade::Reply<T>)> &call)
{
    // Shared, so a late answer after a timeout writes into something that still exists.
    auto out = std::make_shared<std::optional<Result<T>>>();
    call([out](Result<T> r) { *out = r; });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, 15000))
        return std::nullopt;
    return *out;
}

bool succeeded(const std::optional<Result<SessionInfo>> &r)
{
    return r && *r;
}

} // namespace

std::optional<SessionInfo> EngineFixture::session(const QString &id)
{
    const auto r = await<QList<SessionInfo>>([&](auto done) { m_facade->listSessions(done); });
    if (r && *r)
        for (const SessionInfo &s : **r)
            if (s.id == id)
                return s;
    return std::nullopt;
}

QString EngineFixture::sessionIn(SessionStatus status, const QString &label, const QString &phone)
{
    const auto created = await<SessionInfo>([&](auto done) { m_facade->createSession(SessionCreate{label, {}, {}, {}, {}, {}}, done); });
    if (!succeeded(created))
        return {};
    const QString id = (*created)->id;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto reached = [&](SessionStatus s) {
        return QTest::qWaitFor([&] { const auto i = session(id); return i && i->status == s; }, 10000);
    };
    auto qr = [&] { return succeeded(await<SessionInfo>([&](auto done) { m_facade->beginQrPairing(id, done); })); };
    auto stop = [&] { return succeeded(await<SessionInfo>([&](auto done) { m_facade->stopSession(id, done); })); };
    auto start = [&] { return succeeded(await<SessionInfo>([&](auto done) { m_facade->startSession(id, done); })); };
    auto pairAndLogIn = [&] {
        return qr() && script(id, [&](ScriptedConnection &c) { c.pairAs(phone); }) && reached(SessionStatus::Working);
    };
    auto disconnect = [&](DisconnectKind kind, const char *code, const char *message) {
        return script(id, [&](ScriptedConnection &c) {
            emit c.disconnected(kind, QString::fromLatin1(code), QString::fromLatin1(message));
        });
    };
    bool ok = true;
    switch (status) {
    case SessionStatus::Unpaired:
        break;
    case SessionStatus::ScanQrCode:
        ok = qr() && script(id, [&](ScriptedConnection &c) { emit c.qrCode(QStringLiteral("2@ref,noise,identity,adv"), now + 20000); });
        break;
    case SessionStatus::PairingCode:
        ok = succeeded(await<SessionInfo>([&](auto done) { m_facade->beginCodePairing(id, phone, done); }))
             && script(id, [&](ScriptedConnection &c) { emit c.pairingCode(QStringLiteral("ABCD-EFGH"), now + 60000); });
        break;
    case SessionStatus::Working:
        ok = pairAndLogIn();
        break;
    case SessionStatus::Reconnecting:
        ok = pairAndLogIn() && disconnect(DisconnectKind::Retryable, "network_error", "The network went away.");
        break;
    case SessionStatus::Failed:
        ok = pairAndLogIn() && disconnect(DisconnectKind::Replaced, "replaced",
                                          "Another connection with the same credentials replaced this one.");
        break;
    case SessionStatus::LoggedOut:
        ok = pairAndLogIn() && disconnect(DisconnectKind::LoggedOut, "device_removed",
                                          "This device was removed from the account on the phone.");
        break;
    case SessionStatus::Stopped:
        ok = pairAndLogIn() && stop();
        break;
    case SessionStatus::Starting:
        ok = pairAndLogIn() && stop() && start();
        break;
    }
    return ok && reached(status) ? id : QString();
}

EngineFixture::HttpReply EngineFixture::http(const QByteArray &method, const QString &path, const QString &apiKey,
                                             const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setRawHeader("Authorization", "Bearer " + apiKey.toLatin1());
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_http.sendCustomRequest(request, method, payload);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpReply out;
    if (finished.wait(15000)) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.json = QJsonDocument::fromJson(reply->readAll()).object();
    }
    reply->deleteLater();
    return out;
}

void EngineFixture::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WAGATE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    // Let pending layout requests and paints run first: that is what a person would see.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    // No alpha channel and the strongest compression: smaller files for the docs, same pixels.
    widget->grab().toImage().convertToFormat(QImage::Format_RGB888).save(QDir(dir).filePath(name + QStringLiteral(".png")), "PNG", 0);
}

} // namespace wagate::test
