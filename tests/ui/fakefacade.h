#pragma once

#include "core/enginefacade.h"

#include <QHash>

namespace wagate::test {

//! An EngineFacade whose engine is the test: requests are recorded and answered when the test says
//! so (or at once, from canned data), events are emitted by the test. For the models' exact signals;
//! the widgets are tested against the real engine.
class FakeFacade : public EngineFacade
{
    Q_OBJECT
public:
    using EngineFacade::EngineFacade;

    QList<SessionInfo> sessions;                 //!< what listSessions answers
    QHash<QString, QList<StatusTransition>> history;
    bool answerListsAtOnce = true;
    QList<Reply<QList<SessionInfo>>> pendingLists; //!< when answerListsAtOnce is false
    QList<Reply<QList<StatusTransition>>> pendingHistories;
    bool answerHistoriesAtOnce = true;
    std::optional<Principal> signedInAs;
    QString keychain;
    QList<SignInProfile> profileList;
    QStringList calls;

    std::optional<Principal> acceptKeys; //!< when set, API keys sign in as this principal
    void signInWithApiKey(const QString &, Reply<Principal> done) override
    {
        calls << QStringLiteral("key");
        if (acceptKeys)
            return done(*acceptKeys);
        done(Error::unauthorized(QStringLiteral("invalid API key")));
    }
    QList<OrganizationChoice> organizations; //!< what listOrganizations answers
    QString passwordOrganization;            //!< the organization the last password sign-in named
    void listOrganizations(Reply<QList<OrganizationChoice>> done) override { done(organizations); }
    void signInWithPassword(const QString &org, const QString &, const QString &, Reply<Principal> done) override
    {
        calls << QStringLiteral("password");
        passwordOrganization = org;
        done(Error::unauthorized(QStringLiteral("wrong user name or password")));
    }
    void signInWithToken(const QString &, Reply<Principal> done) override { calls << QStringLiteral("token"); done(Error::unauthorized(QStringLiteral("bad token"))); }
    void signOut() override {}
    std::optional<Principal> principal() const override { return signedInAs; }
    QString organizationName() const override { return QStringLiteral("Acme Support"); }
    QList<SignInProfile> profiles() const override { return profileList; }
    SignInProfile lastAdded;
    void addProfile(const SignInProfile &p, const QString &, Reply<SignInProfile> done) override
    {
        calls << QStringLiteral("addProfile");
        lastAdded = p;
        if (!keychain.isEmpty())
            return done(Error::unavailable(keychain));
        done(p);
    }
    void removeProfile(const QString &id, Reply<bool> done) override { calls << QStringLiteral("remove:") + id; done(true); }
    void signInWithProfile(const QString &id, Reply<Principal> done) override { calls << QStringLiteral("profile:") + id; done(Error::unauthorized(QStringLiteral("no"))); }
    QString keychainProblem() const override { return keychain; }

    void listSessions(Reply<QList<SessionInfo>> done) override
    {
        calls << QStringLiteral("list");
        if (answerListsAtOnce)
            done(sessions);
        else
            pendingLists << done;
    }
    void createSession(const SessionCreate &, Reply<SessionInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void updateSession(const QString &, const SessionPatch &, Reply<SessionInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void deleteSession(const QString &, Reply<bool> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void startSession(const QString &, Reply<SessionInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void stopSession(const QString &, Reply<SessionInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void logoutSession(const QString &, Reply<SessionInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void beginQrPairing(const QString &, Reply<SessionInfo> done) override { done(Error::unavailable(QStringLiteral("no"))); }
    void beginCodePairing(const QString &, const QString &, Reply<SessionInfo> done) override { done(Error::unavailable(QStringLiteral("no"))); }
    void sessionHistory(const QString &id, int, Reply<QList<StatusTransition>> done) override
    {
        calls << QStringLiteral("history:") + id;
        if (answerHistoriesAtOnce)
            done(history.value(id));
        else
            pendingHistories << done;
    }

    QHash<QString, QList<MessageInfo>> messages; //!< what listMessages answers, per session (newest first)
    bool answerMessagesAtOnce = true;
    QList<Reply<QList<MessageInfo>>> pendingMessages;
    QHash<QString, OutboxSummary> summaries;     //!< what outboxSummary answers, per session
    QList<SendRequest> sent;                     //!< what sendMessage was asked
    std::optional<Result<MessageInfo>> sendAnswer; //!< what sendMessage answers (default: refused)
    void sendMessage(const QString &sessionId, const SendRequest &request, Reply<MessageInfo> done) override
    {
        calls << QStringLiteral("send:") + sessionId;
        sent << request;
        done(sendAnswer.value_or(Error::forbidden(QStringLiteral("no"))));
    }
    void listMessages(const QString &sessionId, int, Reply<QList<MessageInfo>> done) override
    {
        calls << QStringLiteral("messages:") + sessionId;
        if (answerMessagesAtOnce)
            done(messages.value(sessionId));
        else
            pendingMessages << done;
    }
    void cancelMessage(const QString &, const QString &messageId, Reply<MessageInfo> done) override
    {
        calls << QStringLiteral("cancel:") + messageId;
        done(Error::failedPrecondition(QStringLiteral("only a queued message can be canceled")));
    }
    void outboxSummary(const QString &sessionId, qint64 since, Reply<OutboxSummary> done) override
    {
        calls << QStringLiteral("outbox:") + sessionId;
        if (!summaries.contains(sessionId))
            return done(Error::notFound(QStringLiteral("no such session")));
        OutboxSummary s = summaries.value(sessionId);
        s.since = since;
        done(s);
    }
    QList<WebhookInfo> webhooks; //!< what listWebhooks answers
    void listWebhooks(Reply<QList<WebhookInfo>> done) override { calls << QStringLiteral("webhooks"); done(webhooks); }
    void createWebhook(const WebhookChange &, Reply<WebhookInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void updateWebhook(const QString &, const WebhookChange &, Reply<WebhookInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void deleteWebhook(const QString &, Reply<bool> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void rotateWebhookSecret(const QString &, Reply<WebhookInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void testWebhook(const QString &, Reply<WebhookDeliveryInfo> done) override { done(Error::forbidden(QStringLiteral("no"))); }
    void webhookDeliveries(const QString &, int, Reply<QList<WebhookDeliveryInfo>> done) override { done(QList<WebhookDeliveryInfo>()); }

    QString apiBaseUrl() const override { return QStringLiteral("http://127.0.0.1:8787"); }
};

} // namespace wagate::test
