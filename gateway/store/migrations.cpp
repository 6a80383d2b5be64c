#include "migrations.h"

namespace wagate::migrations {

// Append only: a released migration never changes. Booleans are INTEGER 0/1 and timestamps BIGINT
// milliseconds on both SQLite and PostgreSQL, so rows read back identically from either.
const QList<Migration> &all()
{
    static const QList<Migration> list{
        {1,
         "organizations, sessions, status transitions, API keys",
         {
             QStringLiteral(R"(CREATE TABLE organizations (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                label TEXT NOT NULL,
                phone_number TEXT,
                wa_jid TEXT,
                wa_lid TEXT,
                status TEXT NOT NULL,
                desired_state TEXT NOT NULL,
                gateway_id TEXT NOT NULL,
                is_admin_session INTEGER NOT NULL,
                auto_read INTEGER NOT NULL,
                presence_typing INTEGER NOT NULL,
                rate_per_hour INTEGER NOT NULL,
                rate_per_min INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                created_by_user_id TEXT NOT NULL,
                last_connected_at BIGINT,
                status_changed_at BIGINT NOT NULL,
                last_error_code TEXT,
                last_error_message TEXT,
                last_error_at BIGINT,
                wa_credentials ${BLOB}))"),
             QStringLiteral("CREATE INDEX sessions_by_org ON sessions (organization_id, id)"),
             QStringLiteral("CREATE INDEX sessions_by_org_status ON sessions (organization_id, status, id)"),
             QStringLiteral("CREATE INDEX sessions_by_gateway ON sessions (gateway_id)"),
             QStringLiteral(R"(CREATE TABLE session_transitions (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                previous_status TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT NOT NULL,
                at BIGINT NOT NULL))"),
             QStringLiteral("CREATE INDEX transitions_by_session ON session_transitions (session_id, id)"),
             QStringLiteral("CREATE INDEX transitions_by_org ON session_transitions (organization_id, id)"),
             QStringLiteral(R"(CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                lookup TEXT NOT NULL UNIQUE,
                secret_hash ${BLOB} NOT NULL,
                capabilities TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                created_by TEXT NOT NULL,
                last_used_at BIGINT,
                revoked_at BIGINT))"),
             QStringLiteral("CREATE INDEX api_keys_by_org ON api_keys (organization_id, id)"),
         }},
        {2,
         "operator accounts of the local issuer",
         {
             // username is stored lower-cased, so the unique index makes it case-insensitively unique per org.
             QStringLiteral(R"(CREATE TABLE operators (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                username TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                created_by TEXT NOT NULL,
                last_login_at BIGINT))"),
             QStringLiteral("CREATE UNIQUE INDEX operators_by_org_username ON operators (organization_id, username)"),
         }},
        {3,
         "the local issuers' public keys, so every node of one database accepts every node's tokens",
         {
             // expires_at 0: the node's signing key, published without end; otherwise a retired key's
             // last moment of validity. Public keys only: private keys stay in each node's secret store.
             QStringLiteral(R"(CREATE TABLE issuer_keys (
                kid TEXT PRIMARY KEY,
                gateway_id TEXT NOT NULL,
                jwk TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
             QStringLiteral("CREATE INDEX issuer_keys_by_gateway ON issuer_keys (gateway_id)"),
         }},
        {4,
         "Signal state per session (sessions, pre-keys, identities, sender keys), LID mappings and received ids; "
         "every value sealed with the data key, its row as associated data",
         {
             // libsignal SessionRecord per remote device (name.device; PN or LID names)
             QStringLiteral(R"(CREATE TABLE signal_sessions (
                session_id TEXT NOT NULL,
                address TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, address)))"),
             // our one-time pre-keys; deleted when a peer uses one
             QStringLiteral(R"(CREATE TABLE signal_prekeys (
                session_id TEXT NOT NULL,
                key_id TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, key_id)))"),
             // our older signed pre-keys (the current one is in the credentials)
             QStringLiteral(R"(CREATE TABLE signal_signed_prekeys (
                session_id TEXT NOT NULL,
                key_id TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, key_id)))"),
             // remote identity keys
             QStringLiteral(R"(CREATE TABLE signal_identities (
                session_id TEXT NOT NULL,
                address TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, address)))"),
             // group sender keys by group::name.device
             QStringLiteral(R"(CREATE TABLE signal_sender_keys (
                session_id TEXT NOT NULL,
                sender_key TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, sender_key)))"),
             // pn:<user> → LID user and lid:<user> → PN user
             QStringLiteral(R"(CREATE TABLE wa_lid_mappings (
                session_id TEXT NOT NULL,
                mapping TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, mapping)))"),
             // <sender user>/<message id> of every message received: dedupe across restarts
             QStringLiteral(R"(CREATE TABLE wa_received (
                session_id TEXT NOT NULL,
                message_key TEXT NOT NULL,
                value ${BLOB} NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (session_id, message_key)))"),
             // Received ids are pruned by age (message retention).
             QStringLiteral("CREATE INDEX wa_received_by_age ON wa_received (session_id, updated_at)"),
         }},
        {5,
         "messages in and out (text sealed with the data key, the message id as associated data), the log "
         "of their status changes, webhooks and their deliveries, the outbox's pause",
         {
             // body: sealed JSON of what is customer data (text, push name). wa_message_id is fixed at
             // acceptance, so a resend after a crash is the same message to WhatsApp.
             QStringLiteral(R"(CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                direction TEXT NOT NULL,
                wa_message_id TEXT NOT NULL,
                chat TEXT NOT NULL,
                chat_lid TEXT,
                phone_number TEXT,
                sender TEXT,
                sender_lid TEXT,
                type TEXT NOT NULL,
                wa_type TEXT,
                body ${BLOB} NOT NULL,
                status TEXT NOT NULL,
                idempotency_key TEXT,
                request_hash TEXT,
                attempts INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                sent_at BIGINT,
                delivered_at BIGINT,
                read_at BIGINT,
                expires_at BIGINT,
                error_code TEXT,
                error_message TEXT,
                error_at BIGINT,
                error_wa_code INTEGER))"),
             QStringLiteral("CREATE UNIQUE INDEX messages_by_idempotency ON messages (session_id, idempotency_key)"),
             QStringLiteral("CREATE UNIQUE INDEX messages_incoming_once ON messages (session_id, direction, chat, wa_message_id)"),
             QStringLiteral("CREATE INDEX messages_by_wa_id ON messages (session_id, wa_message_id)"),
             QStringLiteral("CREATE INDEX messages_by_session ON messages (session_id, id)"),
             QStringLiteral("CREATE INDEX messages_by_chat ON messages (session_id, chat, id)"),
             QStringLiteral("CREATE INDEX messages_outbox ON messages (session_id, status, id)"),
             QStringLiteral("CREATE INDEX messages_by_age ON messages (created_at)"),
             QStringLiteral("CREATE INDEX messages_by_status ON messages (status, organization_id)"),
             // One entry per status a message reached; its id is the event's id (ULID, in order).
             QStringLiteral(R"(CREATE TABLE message_status_log (
                id TEXT PRIMARY KEY,
                message_id TEXT NOT NULL,
                session_id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                status TEXT NOT NULL,
                previous_status TEXT,
                at BIGINT NOT NULL))"),
             QStringLiteral("CREATE INDEX message_log_by_message ON message_status_log (message_id, id)"),
             QStringLiteral("CREATE INDEX message_log_by_org ON message_status_log (organization_id, id)"),
             QStringLiteral("CREATE INDEX message_log_by_session ON message_status_log (session_id, id)"),
             QStringLiteral("CREATE INDEX message_log_by_age ON message_status_log (at)"),
             // Webhooks of an organization; their secrets sealed with the data key (the webhook id as
             // associated data). A rotation keeps the previous secret valid until previous_expires_at.
             QStringLiteral(R"(CREATE TABLE webhooks (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL,
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                sessions TEXT NOT NULL,
                description TEXT NOT NULL,
                secret ${BLOB} NOT NULL,
                previous_secret ${BLOB},
                previous_expires_at BIGINT,
                enabled INTEGER NOT NULL,
                disabled_reason TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
             QStringLiteral("CREATE INDEX webhooks_by_org ON webhooks (organization_id, id)"),
             // One event for one webhook, written with the event; body sealed (delivery id as associated data).
             QStringLiteral(R"(CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY,
                webhook_id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                body ${BLOB} NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                last_status_code INTEGER NOT NULL,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                delivered_at BIGINT))"),
             QStringLiteral("CREATE INDEX deliveries_due ON webhook_deliveries (status, next_attempt_at)"),
             QStringLiteral("CREATE INDEX deliveries_by_webhook ON webhook_deliveries (webhook_id, id)"),
             QStringLiteral("CREATE INDEX deliveries_due_by_webhook ON webhook_deliveries (webhook_id, status, next_attempt_at)"),
             // The outbox's pause after WhatsApp signalled a limit, so it outlives a restart.
             QStringLiteral("ALTER TABLE sessions ADD COLUMN sending_paused_until BIGINT"),
             QStringLiteral("ALTER TABLE sessions ADD COLUMN sending_paused_reason TEXT"),
         }},
    };
    return list;
}

} // namespace wagate::migrations
