// Linking a number: the QR code to scan, or a pairing code to type on the phone. Both answer once
// WhatsApp has produced the code (a deferred answer, written only if the client is still there).
#include "apiserver.h"
#include "engine/engine.h"
#include "engine/sessionevents.h"
#include "engine/sessionservice.h"
#include "jsonbody.h"
#include "qrimage.h"
#include "routecontext.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace wagate {

namespace {

constexpr int kWaitMs = 30000;

HttpResponse qrResponse(const QString &qr, qint64 expiresAt, bool png)
{
    HttpResponse r;
    if (png) {
        r.contentType = "image/png";
        r.body = qrPng(qr);
        r.headers.append({QByteArray("X-QR-Expires-At"), QByteArray::number(expiresAt)});
        return r;
    }
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("qr"), qr}, {QStringLiteral("expiresAt"), expiresAt},
                                       {QStringLiteral("status"), sessionStatusName(SessionStatus::ScanQrCode)}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

bool wantsPng(const HttpRequest &request)
{
    const QString format = request.query.queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty())
        return format == u"png";
    const QByteArray accept = request.header("Accept").toLower();
    return accept.contains("image/png") && !accept.contains("application/json");
}

//! Waits for the first code of a pairing that just began, or for the pairing to end without one.
class PairingWaiter : public QObject
{
public:
    enum class Kind { Qr, Code };

    PairingWaiter(Engine &engine, const QString &sessionId, Kind kind, RouteReply out, HttpResponder responder, bool png)
        : m_sessionId(sessionId), m_out(std::move(out)), m_png(png)
    {
        SessionEvents &ev = engine.events();
        if (kind == Kind::Qr) {
            connect(&ev, &SessionEvents::qrCode, this, [this](const QString &, const QString &id, const QString &qr, qint64 exp) {
                if (id == m_sessionId)
                    finish(qrResponse(qr, exp, m_png));
            });
        } else {
            connect(&ev, &SessionEvents::pairingCode, this, [this](const QString &, const QString &id, const QString &code, qint64 exp) {
                if (id != m_sessionId)
                    return;
                HttpResponse r;
                r.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("expiresAt"), exp},
                                                   {QStringLiteral("status"), sessionStatusName(SessionStatus::PairingCode)}})
                             .toJson(QJsonDocument::Compact);
                finish(r);
            });
        }
        connect(&ev, &SessionEvents::sessionUpdated, this, [this](const SessionInfo &s) {
            if (s.id != m_sessionId)
                return;
            if (s.status == SessionStatus::Unpaired || s.status == SessionStatus::Failed || s.status == SessionStatus::LoggedOut) {
                const QString why = s.lastError ? s.lastError->message : QStringLiteral("the pairing ended");
                Error e = Error::unavailable(QStringLiteral("WhatsApp did not produce a code: %1").arg(why));
                if (s.lastError)
                    e.details.insert(QStringLiteral("reason"), s.lastError->code);
                fail(e);
            }
        });
        connect(&ev, &SessionEvents::sessionRemoved, this, [this](const QString &, const QString &id) {
            if (id == m_sessionId)
                fail(Error::notFound(QStringLiteral("session not found")));
        });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            Error e = Error::unavailable(QStringLiteral("WhatsApp did not send a code within %1 s").arg(kWaitMs / 1000));
            e.details.insert(QStringLiteral("retryAfterSeconds"), 5);
            fail(e);
        });
        m_timer.start(kWaitMs);
        // A client that leaves takes the wait with it; the pairing itself goes on.
        if (QTcpSocket *socket = responder.socket())
            connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void finish(const HttpResponse &r)
    {
        if (m_done)
            return;
        m_done = true;
        m_out.send(r);
        deleteLater();
    }
    void fail(const Error &e)
    {
        if (m_done)
            return;
        m_done = true;
        m_out.fail(e);
        deleteLater();
    }

    QString m_sessionId;
    RouteReply m_out;
    bool m_png = false;
    bool m_done = false;
    QTimer m_timer;
};

} // namespace

void registerPairingRoutes(Router &router, Engine &engine, QObject *context)
{
    Engine *e = &engine;
    QPointer<QObject> ctxObject(context);

    // A read: the code of a QR pairing in progress (waiting for its first code if need be). Starts
    // nothing, so a prefetcher, a link preview or a HEAD cannot begin a pairing.
    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/qr"), Route::Access::Authenticated, [e, ctxObject](RouteContext &ctx) {
                    const QString id = ctx.params[0];
                    const bool png = wantsPng(ctx.request);
                    auto code = e->sessions().currentQr(ctx.principal, id);
                    if (!code)
                        return ctx.fail(code.error());
                    if (*code)
                        return ctx.send(qrResponse((*code)->qr, (*code)->expiresAt, png));
                    auto *waiter = new PairingWaiter(*e, id, PairingWaiter::Kind::Qr, ctx.out, ctx.responder, png);
                    waiter->setParent(ctxObject);
                }});

    // Begins QR pairing, or joins the one in progress, and answers with its current code.
    router.add({"POST", QStringLiteral("/api/v1/sessions/{session}/qr"), Route::Access::Authenticated, [e, ctxObject](RouteContext &ctx) {
                    const QString id = ctx.params[0];
                    const bool png = wantsPng(ctx.request);
                    if (auto body = json::objectBody(ctx.request, true); !body)
                        return ctx.fail(body.error());
                    // Subscribe before starting: the first code may come quickly.
                    auto *waiter = new PairingWaiter(*e, id, PairingWaiter::Kind::Qr, ctx.out, ctx.responder, png);
                    waiter->setParent(ctxObject);
                    auto begun = e->sessions().beginQrPairing(ctx.principal, id);
                    if (!begun) {
                        delete waiter;
                        return ctx.fail(begun.error());
                    }
                    if (auto code = e->sessions().currentQr(ctx.principal, id); code && *code) {
                        delete waiter; // a pairing already in progress: its code is on screen now
                        return ctx.send(qrResponse((*code)->qr, (*code)->expiresAt, png));
                    }
                }});

    router.add({"POST", QStringLiteral("/api/v1/sessions/{session}/pairing-code"), Route::Access::Authenticated, [e, ctxObject](RouteContext &ctx) {
                    const QString id = ctx.params[0];
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto phone = json::requiredString(*body, QStringLiteral("phoneNumber"));
                    if (!phone)
                        return ctx.fail(phone.error());
                    auto *waiter = new PairingWaiter(*e, id, PairingWaiter::Kind::Code, ctx.out, ctx.responder, false);
                    waiter->setParent(ctxObject);
                    auto begun = e->sessions().beginCodePairing(ctx.principal, id, *phone);
                    if (!begun) {
                        delete waiter;
                        return ctx.fail(begun.error());
                    }
                }});
}

} // namespace wagate
