#pragma once

#include "app/enginefacadeimpl.h"
#include "app/enginehost.h"
#include "core/principal.h"
#include "core/session.h"
#include "scriptedconnection.h"
#include "testdatabase.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace wagate::test {

//! A real engine on its own thread (SQLite in a temporary directory, the HTTP API on a free port)
//! with the console's real facade, as the console runs it. WhatsApp is the test: connections are
//! scripted, so statuses can be reached on purpose.
class EngineFixture
{
public:
    EngineFixture();
    ~EngineFixture();

    //! Starts the engine and waits until it is ready; false (with a message) when it is not.
    bool start();
    EngineHost &host() { return *m_host; }
    EngineFacadeImpl &facade() { return *m_facade; }
    QString baseUrl() const { return m_baseUrl; }

    //! Runs fn on the engine thread and waits for it; false when it did not finish in time.
    bool onEngine(const std::function<void(Engine &)> &fn);
    QString createOrganization(const QString &name);
    QString createApiKey(const QString &organizationId, const QString &name, Capabilities caps);
    //! From now on sessions connect through ScriptedConnection (none = the real engine's default:
    //! no WhatsApp engine at all).
    bool useScriptedConnections(bool on = true);
    //! Makes the scripted WhatsApp side of a session do something, on the engine thread.
    bool script(const QString &sessionId, const std::function<void(ScriptedConnection &)> &fn);
    //! What the session's scripted connection was asked to do.
    QStringList callsOf(const QString &sessionId);

    //! Signs the facade in with key and waits.
    bool signIn(const QString &apiKey);

    //! A new session driven to a status the way WhatsApp and the operator would (needs scripted
    //! connections and a signed-in facade); its id, or "" when it did not get there.
    QString sessionIn(SessionStatus status, const QString &label, const QString &phone);
    //! The session as the engine has it now.
    std::optional<SessionInfo> session(const QString &id);

    struct HttpReply
    {
        int status = 0;
        QJsonObject json;
    };
    //! A real HTTP request to the engine's API, answered through the event loop.
    HttpReply http(const QByteArray &method, const QString &path, const QString &apiKey, const QJsonObject &body = {});

    //! Saves a screenshot when WAGATE_SCREENSHOT_DIR is set (for the docs and for looking at it).
    static void screenshot(QWidget *widget, const QString &name);

private:
    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<EngineFacadeImpl> m_facade;
    ScriptedFactory m_factory; //!< used on the engine thread only
    QNetworkAccessManager m_http;
    QString m_baseUrl;
};

} // namespace wagate::test
