#pragma once

#include "consoleviews.h"
#include "messageinfo.h"
#include "principal.h"
#include "result.h"
#include "session.h"

#include <QObject>

#include <functional>

namespace wagate {

//! A remembered way to sign in ("alice @ Acme Support — this computer"). Only metadata: the secret
//! (password, API key or token) lives in the OS keychain.
struct SignInProfile
{
    enum class Kind { LocalAccount, ApiKey, Token };

    QString id;
    QString displayName;
    QString organizationId; //!< for LocalAccount (and informational for the others)
    Kind kind = Kind::ApiKey;
    QString username;       //!< for LocalAccount
};

//! An organization as the sign-in form offers it.
struct OrganizationChoice
{
    QString id;
    QString name;
};

//! How the console talks to the engine: requests go to the engine thread as queued calls, answers
//! and events come back as value snapshots on the caller's thread. Every request acts as the
//! signed-in operator through the same authorization as the HTTP API — checked again for each
//! request against the operator's account (or API key, or token) as it is now, and every few seconds
//! while the console is idle; events are limited to that operator's organization (QR and pairing
//! codes only to operators who may manage sessions).
class EngineFacade : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Reply = std::function<void(Result<T>)>;

    using QObject::QObject;
    ~EngineFacade() override = default;

    // --- identity

    //! Signs in with an API key (wgk_…).
    virtual void signInWithApiKey(const QString &key, Reply<Principal> done) = 0;
    //! Signs in with a local operator account.
    virtual void signInWithPassword(const QString &organizationId, const QString &username, const QString &password,
                                    Reply<Principal> done) = 0;
    //! Signs in with a login JWT minted elsewhere.
    virtual void signInWithToken(const QString &token, Reply<Principal> done) = 0;
    virtual void signOut() = 0;
    //! The signed-in operator, if any.
    virtual std::optional<Principal> principal() const = 0;
    //! The organization's display name, once signed in.
    virtual QString organizationName() const = 0;
    //! The organizations in this gateway's database, to choose from when signing in with an operator
    //! account. Needs no sign-in: it is what `wagate orgs list` shows anyone who can open the data.
    virtual void listOrganizations(Reply<QList<OrganizationChoice>> done) = 0;

    // --- sign-in profiles (metadata in the data directory, secrets in the OS keychain)

    virtual QList<SignInProfile> profiles() const = 0;
    //! Remembers a profile and stores its secret in the keychain; fails (and stores nothing) when no
    //! keychain is reachable — there is no insecure fallback.
    virtual void addProfile(const SignInProfile &profile, const QString &secret, Reply<SignInProfile> done) = 0;
    //! Forgets a profile and deletes its secret from the keychain.
    virtual void removeProfile(const QString &id, Reply<bool> done) = 0;
    //! Reads the profile's secret from the keychain and signs in with it.
    virtual void signInWithProfile(const QString &id, Reply<Principal> done) = 0;
    //! Empty while the keychain works; otherwise a plain sentence saying why it does not.
    virtual QString keychainProblem() const = 0;
    //! False until the keychain has answered once (profilesChanged() follows when it has).
    virtual bool keychainChecked() const { return true; }

    // --- sessions

    //! Every session of the organization.
    virtual void listSessions(Reply<QList<SessionInfo>> done) = 0;
    virtual void createSession(const SessionCreate &request, Reply<SessionInfo> done) = 0;
    virtual void updateSession(const QString &id, const SessionPatch &patch, Reply<SessionInfo> done) = 0;
    virtual void deleteSession(const QString &id, Reply<bool> done) = 0;
    virtual void startSession(const QString &id, Reply<SessionInfo> done) = 0;
    virtual void stopSession(const QString &id, Reply<SessionInfo> done) = 0;
    virtual void logoutSession(const QString &id, Reply<SessionInfo> done) = 0;
    //! Begins QR pairing; codes arrive through qrCode().
    virtual void beginQrPairing(const QString &id, Reply<SessionInfo> done) = 0;
    //! Begins pairing-code pairing for a number (international digits); the code arrives through pairingCode().
    virtual void beginCodePairing(const QString &id, const QString &phoneNumber, Reply<SessionInfo> done) = 0;
    //! Status transitions of one session, newest last.
    virtual void sessionHistory(const QString &id, int limit, Reply<QList<StatusTransition>> done) = 0;

    // --- messages (MessageService, with the operator's rights as the HTTP API checks them)

    //! Queues a text (needs send); the answer is the message, queued. Its later statuses arrive
    //! through messageStatusChanged().
    virtual void sendMessage(const QString &sessionId, const SendRequest &request, Reply<MessageInfo> done) = 0;
    //! The session's newest messages, in and out, newest first (needs read).
    virtual void listMessages(const QString &sessionId, int limit, Reply<QList<MessageInfo>> done) = 0;
    //! Cancels a queued outgoing message (needs send); failed_precondition once it left the queue.
    virtual void cancelMessage(const QString &sessionId, const QString &messageId, Reply<MessageInfo> done) = 0;
    //! The session's outbox now, with the messages created since `since` (ms) by status (needs read).
    virtual void outboxSummary(const QString &sessionId, qint64 since, Reply<OutboxSummary> done) = 0;

    // --- webhooks of the organization (WebhookService; every call needs admin)

    //! Every webhook, each with its latest delivery.
    virtual void listWebhooks(Reply<QList<WebhookInfo>> done) = 0;
    //! Adds one (url and events required); the answer carries the secret, this once.
    virtual void createWebhook(const WebhookChange &change, Reply<WebhookInfo> done) = 0;
    virtual void updateWebhook(const QString &id, const WebhookChange &change, Reply<WebhookInfo> done) = 0;
    virtual void deleteWebhook(const QString &id, Reply<bool> done) = 0;
    //! A new secret, in the answer this once; the old one stays valid for a day.
    virtual void rotateWebhookSecret(const QString &id, Reply<WebhookInfo> done) = 0;
    //! Queues a webhook.test event for this webhook alone.
    virtual void testWebhook(const QString &id, Reply<WebhookDeliveryInfo> done) = 0;
    //! The webhook's newest deliveries, newest first.
    virtual void webhookDeliveries(const QString &id, int limit, Reply<QList<WebhookDeliveryInfo>> done) = 0;

    // --- the engine itself

    //! The HTTP API's base URL, once the engine runs ("" before).
    virtual QString apiBaseUrl() const = 0;

signals:
    void profilesChanged();
    void engineReady(const QString &apiBaseUrl);
    void engineFailed(const QString &message);
    void signedIn(const wagate::Principal &principal);
    //! The signed-in operator's rights changed (their role, or the key's capabilities).
    void principalChanged(const wagate::Principal &principal);
    //! The account, key or token no longer signs in (removed, revoked, expired): signed out with this
    //! reason; signedOut() follows.
    void signInRevoked(const QString &reason);
    void signedOut();
    void sessionCreated(const wagate::SessionInfo &session);
    void sessionUpdated(const wagate::SessionInfo &session);
    void sessionRemoved(const QString &sessionId);
    void statusChanged(const wagate::StatusTransition &transition);
    void qrCode(const QString &sessionId, const QString &qr, qint64 expiresAt);
    void pairingCode(const QString &sessionId, const QString &code, qint64 expiresAt);
    //! A message arrived (stored already). Carries its text: customer data, never to be logged.
    void messageReceived(const wagate::MessageInfo &message);
    //! A message of the organization was queued (previousStatus empty) or changed status.
    void messageStatusChanged(const wagate::MessageInfo &message, const QString &previousStatus);
    //! A session's outbox paused after a limit of WhatsApp's, or resumed (sendingPausedUntil 0).
    void sendingPaused(const wagate::SessionInfo &session);
};

} // namespace wagate

Q_DECLARE_METATYPE(wagate::Principal)
Q_DECLARE_METATYPE(wagate::SignInProfile)
