#pragma once

#include "core/enginefacade.h"

#include <QPointer>

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

    QString apiBaseUrl() const override { return m_baseUrl; }

private:
    //! Runs work(engine) on the engine thread and hands its result to done on this thread.
    template<typename T>
    void onEngine(std::function<Result<T>(Engine &)> work, Reply<T> done);
    //! The same for work that answers through its own callback (sign-in, which may need to fetch).
    template<typename T>
    void onEngineAsync(std::function<void(Engine &, Reply<T>)> work, Reply<T> done);
    void completeSignIn(const Result<Principal> &r, const Reply<Principal> &done);
    void subscribe();
    bool mine(const QString &organizationId) const;

    EngineHost &m_host;
    EngineWorker *m_worker;
    QString m_baseUrl;
    std::optional<Principal> m_principal;
    QString m_organizationName;
    std::unique_ptr<OperatorProfiles> m_profiles;
    QString m_keychainProblem;
    bool m_keychainChecked = false;
};

} // namespace wagate
