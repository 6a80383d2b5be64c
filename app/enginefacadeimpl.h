#pragma once

#include "core/enginefacade.h"

#include <QPointer>
#include <QTimer>

namespace wagate {

class Engine;
class EngineHost;
class EngineWorker;
class OperatorProfiles;

//! The console's facade over an EngineHost: each request hops to the engine thread, runs against the
//! engine's services as the signed-in principal, and its result hops back to this object's thread.
class EngineFacadeImpl : public EngineFacade
{
    Q_OBJECT
public:
    //! dataDir holds the sign-in profiles (profiles.json); their secrets go to the OS keychain.
    EngineFacadeImpl(EngineHost &host, const QString &dataDir, QObject *parent = nullptr);
    ~EngineFacadeImpl() override;

    void signInWithApiKey(const QString &key, Reply<Principal> done) override;
    void signInWithPassword(const QString &organizationId, const QString &username, const QString &password,
                            Reply<Principal> done) override;
    void signInWithToken(const QString &token, Reply<Principal> done) override;
    void signOut() override;
    std::optional<Principal> principal() const override { return m_principal; }
    QString organizationName() const override { return m_organizationName; }
    void listOrganizations(Reply<QList<OrganizationChoice>> done) override;

    QList<SignInProfile> profiles() const override;
    void addProfile(const SignInProfile &profile, const QString &secret, Reply<SignInProfile> done) override;
    void removeProfile(const QString &id, Reply<bool> done) override;
    void signInWithProfile(const QString &id, Reply<Principal> done) override;
    QString keychainProblem() const override { return m_keychainProblem; }
    bool keychainChecked() const override { return m_keychainChecked; }

    void listSessions(Reply<QList<SessionInfo>> done) override;
    void createSession(const SessionCreate &request, Reply<SessionInfo> done) override;
    void updateSession(const QString &id, const SessionPatch &patch, Reply<SessionInfo> done) override;
    void deleteSession(const QString &id, Reply<bool> done) override;
    void startSession(const QString &id, Reply<SessionInfo> done) override;
    void stopSession(const QString &id, Reply<SessionInfo> done) override;
    void logoutSession(const QString &id, Reply<SessionInfo> done) override;
    void beginQrPairing(const QString &id, Reply<SessionInfo> done) override;
    void beginCodePairing(const QString &id, const QString &phoneNumber, Reply<SessionInfo> done) override;
    void sessionHistory(const QString &id, int limit, Reply<QList<StatusTransition>> done) override;

    void sendMessage(const QString &sessionId, const SendRequest &request, Reply<MessageInfo> done) override;
    void listMessages(const QString &sessionId, int limit, Reply<QList<MessageInfo>> done) override;
    void cancelMessage(const QString &sessionId, const QString &messageId, Reply<MessageInfo> done) override;
    void outboxSummary(const QString &sessionId, qint64 since, Reply<OutboxSummary> done) override;

    void listWebhooks(Reply<QList<WebhookInfo>> done) override;
    void createWebhook(const WebhookChange &change, Reply<WebhookInfo> done) override;
    void updateWebhook(const QString &id, const WebhookChange &change, Reply<WebhookInfo> done) override;
    void deleteWebhook(const QString &id, Reply<bool> done) override;
    void rotateWebhookSecret(const QString &id, Reply<WebhookInfo> done) override;
    void testWebhook(const QString &id, Reply<WebhookDeliveryInfo> done) override;
    void webhookDeliveries(const QString &id, int limit, Reply<QList<WebhookDeliveryInfo>> done) override;

    QString apiBaseUrl() const override { return m_baseUrl; }

    //! How often an idle console checks that its sign-in still holds (default 10 s).
    void setRecheckIntervalMs(int ms) { m_recheck.setInterval(ms); }

private:
    //! What the console signed in with, to ask again what it allows now: the API key or the token
    //! (checked as the HTTP API checks them), or an operator account (its current role).
    struct Credential
    {
        enum class Kind { ApiKey, Token, Account } kind = Kind::Account;
        QString secret;
    };
    //! A request's result with the principal it ran as.
    template<typename T>
    struct AsOperator
    {
        Result<Principal> who;
        std::optional<Result<T>> result;
    };
    //! Runs work(engine, principal) on the engine thread as the signed-in operator as they are now,
    //! and hands the result to done here; rights that changed or ended meanwhile are taken over first.
    template<typename T>
    void asOperator(std::function<Result<T>(Engine &, const Principal &)> work, Reply<T> done);
    //! The current principal of a sign-in, on the engine thread.
    static void currentPrincipal(Engine &e, const Principal &signedIn, const Credential &credential,
                                 std::function<void(Result<Principal>)> done);
    //! Here: what a check found about the sign-in of generation `generation`.
    void takeOver(quint64 generation, const Result<Principal> &who);
    void recheck();
    //! Runs work(engine) on the engine thread and hands its result to done on this thread.
    template<typename T>
    void onEngine(std::function<Result<T>(Engine &)> work, Reply<T> done);
    //! The same for work that answers through its own callback (sign-in, which may need to fetch).
    template<typename T>
    void onEngineAsync(std::function<void(Engine &, Reply<T>)> work, Reply<T> done);
    void completeSignIn(const Result<Principal> &r, const Credential &credential, const Reply<Principal> &done);
    void subscribe();
    bool mine(const QString &organizationId) const;

    EngineHost &m_host;
    EngineWorker *m_worker;
    QString m_baseUrl;
    std::optional<Principal> m_principal;
    Credential m_credential;
    quint64 m_signIn = 0; //!< bumped at every sign-in and sign-out: late answers about an older one are ignored
    QTimer m_recheck;
    QString m_organizationName;
    std::unique_ptr<OperatorProfiles> m_profiles;
    QString m_keychainProblem;
    bool m_keychainChecked = false;
};

} // namespace wagate
