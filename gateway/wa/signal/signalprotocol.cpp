#include "signalprotocol.h"
#include "signalcontext_p.h"

#include "wa/crypto/xeddsa.h"

#include <curve.h>
#include <group_cipher.h>
#include <group_session_builder.h>
#include <protocol.h>
#include <ratchet.h>
#include <sender_key_record.h>
#include <session_builder.h>
#include <session_cipher.h>
#include <session_pre_key.h>
#include <session_record.h>

namespace wagate::wa {

using namespace signal_detail;

const char *signalErrorName(SignalError error)
{
    switch (error) {
    case SignalError::NoSession: return "no_session";
    case SignalError::InvalidMessage: return "invalid_message";
    case SignalError::InvalidKey: return "invalid_key";
    case SignalError::InvalidKeyId: return "invalid_key_id";
    case SignalError::DuplicateMessage: return "duplicate_message";
    case SignalError::InvalidMac: return "invalid_mac";
    case SignalError::InvalidSignature: return "invalid_signature";
    case SignalError::LegacyMessage: return "legacy_message";
    case SignalError::StoreUnavailable: return "store_unavailable";
    case SignalError::Internal: return "internal";
    }
    return "internal";
}

QString SignalCiphertext::typeName() const
{
    switch (type) {
    case Type::Msg: return QStringLiteral("msg");
    case Type::PkMsg: return QStringLiteral("pkmsg");
    case Type::SkMsg: return QStringLiteral("skmsg");
    }
    return QStringLiteral("msg");
}

QByteArray SignalProtocol::preKeyKey(quint32 id)
{
    return QByteArray::number(id);
}

QByteArray SignalProtocol::senderKeyKey(const QString &groupId, const SignalAddress &sender)
{
    return groupId.toUtf8() + "::" + sender.key();
}

// ---------------------------------------------------------------------------------------------
// The store callbacks: libsignal's C view of our SignalStore.

struct SignalProtocol::Private
{
    SignalProtocol *q = nullptr;
    Context context;
    signal_protocol_store_context *store = nullptr;
    bool storeFailed = false;   //!< a callback hit a store error during the current operation
    bool identityChanged = false;

    static Private *of(void *userData) { return static_cast<Private *>(userData); }

    SignalStore &backing() const { return *q->m_store; }

    std::optional<QByteArray> load(SignalRecordKind kind, const QByteArray &key)
    {
        auto r = backing().load(kind, key);
        if (!r) {
            storeFailed = true;
            return std::nullopt;
        }
        return *r;
    }

    bool write(SignalRecordKind kind, const QByteArray &key, std::optional<QByteArray> value)
    {
        if (!backing().apply({SignalChange{kind, key, std::move(value)}})) {
            storeFailed = true;
            return false;
        }
        return true;
    }

    static QByteArray addressKey(const signal_protocol_address *a)
    {
        return QByteArray(a->name, qsizetype(a->name_len)) + '.' + QByteArray::number(a->device_id);
    }

    // --- sessions

    static int loadSession(signal_buffer **record, signal_buffer **userRecord, const signal_protocol_address *address,
                           void *userData)
    {
        Private *d = of(userData);
        *userRecord = nullptr;
        auto value = d->load(SignalRecordKind::Session, addressKey(address));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        if (!value)
            return 0;
        *record = signal_buffer_create(u8(*value), size_t(value->size()));
        return *record ? 1 : SG_ERR_NOMEM;
    }

    static int subDeviceSessions(signal_int_list **sessions, const char *name, size_t nameLen, void *userData)
    {
        Private *d = of(userData);
        const QByteArray prefix = QByteArray(name, qsizetype(nameLen)) + '.';
        auto keys = d->backing().keys(SignalRecordKind::Session, prefix);
        if (!keys) {
            d->storeFailed = true;
            return SG_ERR_UNKNOWN;
        }
        signal_int_list *list = signal_int_list_alloc();
        if (!list)
            return SG_ERR_NOMEM;
        int count = 0;
        for (const QByteArray &key : *keys) {
            bool ok = false;
            const int device = key.mid(prefix.size()).toInt(&ok);
            // The primary device (0) is not a "sub-device" in libsignal's sense.
            if (ok && device != 0) {
                signal_int_list_push_back(list, device);
                ++count;
            }
        }
        *sessions = list;
        return count;
    }

    static int storeSession(const signal_protocol_address *address, uint8_t *record, size_t len, uint8_t *, size_t,
                            void *userData)
    {
        Private *d = of(userData);
        return d->write(SignalRecordKind::Session, addressKey(address),
                        QByteArray(reinterpret_cast<const char *>(record), qsizetype(len)))
                   ? 0
                   : SG_ERR_UNKNOWN;
    }

    static int containsSession(const signal_protocol_address *address, void *userData)
    {
        Private *d = of(userData);
        auto value = d->load(SignalRecordKind::Session, addressKey(address));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        return value ? 1 : 0;
    }

    static int deleteSession(const signal_protocol_address *address, void *userData)
    {
        Private *d = of(userData);
        const QByteArray key = addressKey(address);
        auto value = d->load(SignalRecordKind::Session, key);
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        if (!value)
            return 0;
        return d->write(SignalRecordKind::Session, key, std::nullopt) ? 1 : SG_ERR_UNKNOWN;
    }

    static int deleteAllSessions(const char *name, size_t nameLen, void *userData)
    {
        Private *d = of(userData);
        const QByteArray prefix = QByteArray(name, qsizetype(nameLen)) + '.';
        auto keys = d->backing().keys(SignalRecordKind::Session, prefix);
        if (!keys) {
            d->storeFailed = true;
            return SG_ERR_UNKNOWN;
        }
        QList<SignalChange> changes;
        for (const QByteArray &key : *keys)
            changes.append(SignalChange{SignalRecordKind::Session, key, std::nullopt});
        if (!changes.isEmpty() && !d->backing().apply(changes)) {
            d->storeFailed = true;
            return SG_ERR_UNKNOWN;
        }
        return int(changes.size());
    }

    // --- one-time pre-keys

    static int loadPreKey(signal_buffer **record, uint32_t id, void *userData)
    {
        Private *d = of(userData);
        auto value = d->load(SignalRecordKind::PreKey, preKeyKey(id));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        if (!value)
            return SG_ERR_INVALID_KEY_ID;
        *record = signal_buffer_create(u8(*value), size_t(value->size()));
        return *record ? SG_SUCCESS : SG_ERR_NOMEM;
    }

    static int storePreKey(uint32_t id, uint8_t *record, size_t len, void *userData)
    {
        Private *d = of(userData);
        return d->write(SignalRecordKind::PreKey, preKeyKey(id),
                        QByteArray(reinterpret_cast<const char *>(record), qsizetype(len)))
                   ? 0
                   : SG_ERR_UNKNOWN;
    }

    static int containsPreKey(uint32_t id, void *userData)
    {
        Private *d = of(userData);
        auto value = d->load(SignalRecordKind::PreKey, preKeyKey(id));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        return value ? 1 : 0;
    }

    static int removePreKey(uint32_t id, void *userData)
    {
        Private *d = of(userData);
        // Pitfall 12: id 0xFFFFFF is a last-resort key and stays.
        if (id == 0xFFFFFF)
            return 0;
        return d->write(SignalRecordKind::PreKey, preKeyKey(id), std::nullopt) ? 0 : SG_ERR_UNKNOWN;
    }

    // --- signed pre-keys: the current one comes from the identity, older ones from the store

    QByteArray currentSignedPreKeyRecord() const
    {
        const SignalIdentity &id = q->m_identity;
        ec_public_key *pub = nullptr;
        ec_private_key *priv = nullptr;
        const QByteArray typed = withType(id.signedPreKey.pub);
        if (curve_decode_point(&pub, u8(typed), size_t(typed.size()), context.get()) != 0)
            return {};
        Ref<ec_public_key> pubRef(pub);
        if (curve_decode_private_point(&priv, u8(id.signedPreKey.priv), size_t(id.signedPreKey.priv.size()), context.get()) != 0)
            return {};
        Ref<ec_private_key> privRef(priv);
        Ref<ec_key_pair> pair;
        if (ec_key_pair_create(pair.out(), pub, priv) != 0)
            return {};
        Ref<session_signed_pre_key> spk;
        if (session_signed_pre_key_create(spk.out(), id.signedPreKeyId, 0, pair.get(), u8(id.signedPreKeySignature),
                                          size_t(id.signedPreKeySignature.size()))
            != 0)
            return {};
        Buffer out;
        if (session_signed_pre_key_serialize(out.out(true), spk.get()) != 0)
            return {};
        return out.bytes();
    }

    static int loadSignedPreKey(signal_buffer **record, uint32_t id, void *userData)
    {
        Private *d = of(userData);
        QByteArray bytes;
        if (id == d->q->m_identity.signedPreKeyId && d->q->m_identity.signedPreKey.isValid()) {
            bytes = d->currentSignedPreKeyRecord();
        } else {
            auto value = d->load(SignalRecordKind::SignedPreKey, preKeyKey(id));
            if (d->storeFailed)
                return SG_ERR_UNKNOWN;
            if (value)
                bytes = *value;
        }
        if (bytes.isEmpty())
            return SG_ERR_INVALID_KEY_ID;
        *record = signal_buffer_create(u8(bytes), size_t(bytes.size()));
        bytes.fill('\0');
        return *record ? SG_SUCCESS : SG_ERR_NOMEM;
    }

    static int storeSignedPreKey(uint32_t id, uint8_t *record, size_t len, void *userData)
    {
        Private *d = of(userData);
        return d->write(SignalRecordKind::SignedPreKey, preKeyKey(id),
                        QByteArray(reinterpret_cast<const char *>(record), qsizetype(len)))
                   ? 0
                   : SG_ERR_UNKNOWN;
    }

    static int containsSignedPreKey(uint32_t id, void *userData)
    {
        Private *d = of(userData);
        if (id == d->q->m_identity.signedPreKeyId)
            return 1;
        auto value = d->load(SignalRecordKind::SignedPreKey, preKeyKey(id));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        return value ? 1 : 0;
    }

    static int removeSignedPreKey(uint32_t id, void *userData)
    {
        Private *d = of(userData);
        return d->write(SignalRecordKind::SignedPreKey, preKeyKey(id), std::nullopt) ? 0 : SG_ERR_UNKNOWN;
    }

    // --- identities

    static int identityKeyPair(signal_buffer **publicData, signal_buffer **privateData, void *userData)
    {
        Private *d = of(userData);
        const KeyPair &key = d->q->m_identity.identityKey;
        const QByteArray typed = withType(key.pub);
        *publicData = signal_buffer_create(u8(typed), size_t(typed.size()));
        *privateData = signal_buffer_create(u8(key.priv), size_t(key.priv.size()));
        return *publicData && *privateData ? 0 : SG_ERR_NOMEM;
    }

    static int localRegistrationId(void *userData, uint32_t *registrationId)
    {
        *registrationId = of(userData)->q->m_identity.registrationId;
        return 0;
    }

    static int saveIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t keyLen, void *userData)
    {
        Private *d = of(userData);
        const QByteArray key = addressKey(address);
        if (!keyData)
            return d->write(SignalRecordKind::Identity, key, std::nullopt) ? 0 : SG_ERR_UNKNOWN;
        const QByteArray value(reinterpret_cast<const char *>(keyData), qsizetype(keyLen));
        auto existing = d->load(SignalRecordKind::Identity, key);
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        if (existing && *existing == value)
            return 0;
        if (existing)
            d->identityChanged = true;
        return d->write(SignalRecordKind::Identity, key, value) ? 0 : SG_ERR_UNKNOWN;
    }

    static int isTrustedIdentity(const signal_protocol_address *, uint8_t *, size_t, void *)
    {
        // Pitfall 3: identities change with every reinstall; refusing them breaks every message
        // from that peer. A change is reported by saveIdentity instead.
        return 1;
    }

    // --- sender keys

    static QByteArray senderKeyName(const signal_protocol_sender_key_name *name)
    {
        return QByteArray(name->group_id, qsizetype(name->group_id_len)) + "::" + addressKey(&name->sender);
    }

    static int storeSenderKey(const signal_protocol_sender_key_name *name, uint8_t *record, size_t len, uint8_t *,
                              size_t, void *userData)
    {
        Private *d = of(userData);
        return d->write(SignalRecordKind::SenderKey, senderKeyName(name),
                        QByteArray(reinterpret_cast<const char *>(record), qsizetype(len)))
                   ? 0
                   : SG_ERR_UNKNOWN;
    }

    static int loadSenderKey(signal_buffer **record, signal_buffer **userRecord, const signal_protocol_sender_key_name *name,
                             void *userData)
    {
        Private *d = of(userData);
        *userRecord = nullptr;
        auto value = d->load(SignalRecordKind::SenderKey, senderKeyName(name));
        if (d->storeFailed)
            return SG_ERR_UNKNOWN;
        if (!value)
            return 0;
        *record = signal_buffer_create(u8(*value), size_t(value->size()));
        return *record ? 1 : SG_ERR_NOMEM;
    }

    bool setUp(SignalProtocol *owner)
    {
        q = owner;
        if (!context.isValid() || signal_protocol_store_context_create(&store, context.get()) != 0)
            return false;
        signal_protocol_session_store sessions{};
        sessions.load_session_func = loadSession;
        sessions.get_sub_device_sessions_func = subDeviceSessions;
        sessions.store_session_func = storeSession;
        sessions.contains_session_func = containsSession;
        sessions.delete_session_func = deleteSession;
        sessions.delete_all_sessions_func = deleteAllSessions;
        sessions.user_data = this;
        signal_protocol_pre_key_store preKeys{};
        preKeys.load_pre_key = loadPreKey;
        preKeys.store_pre_key = storePreKey;
        preKeys.contains_pre_key = containsPreKey;
        preKeys.remove_pre_key = removePreKey;
        preKeys.user_data = this;
        signal_protocol_signed_pre_key_store signedPreKeys{};
        signedPreKeys.load_signed_pre_key = loadSignedPreKey;
        signedPreKeys.store_signed_pre_key = storeSignedPreKey;
        signedPreKeys.contains_signed_pre_key = containsSignedPreKey;
        signedPreKeys.remove_signed_pre_key = removeSignedPreKey;
        signedPreKeys.user_data = this;
        signal_protocol_identity_key_store identities{};
        identities.get_identity_key_pair = identityKeyPair;
        identities.get_local_registration_id = localRegistrationId;
        identities.save_identity = saveIdentity;
        identities.is_trusted_identity = isTrustedIdentity;
        identities.user_data = this;
        signal_protocol_sender_key_store senderKeys{};
        senderKeys.store_sender_key = storeSenderKey;
        senderKeys.load_sender_key = loadSenderKey;
        senderKeys.user_data = this;
        return signal_protocol_store_context_set_session_store(store, &sessions) == 0
               && signal_protocol_store_context_set_pre_key_store(store, &preKeys) == 0
               && signal_protocol_store_context_set_signed_pre_key_store(store, &signedPreKeys) == 0
               && signal_protocol_store_context_set_identity_key_store(store, &identities) == 0
               && signal_protocol_store_context_set_sender_key_store(store, &senderKeys) == 0;
    }

    //! Starts an operation: clears the per-operation flags.
    void begin()
    {
        storeFailed = false;
        identityChanged = false;
    }

    //! Maps a libsignal result, taking a store failure during the operation first.
    SignalError error(int code) const
    {
        if (storeFailed)
            return SignalError::StoreUnavailable;
        switch (code) {
        case SG_ERR_DUPLICATE_MESSAGE: return SignalError::DuplicateMessage;
        case SG_ERR_INVALID_KEY: return SignalError::InvalidKey;
        case SG_ERR_INVALID_KEY_ID: return SignalError::InvalidKeyId;
        case SG_ERR_INVALID_MAC: return SignalError::InvalidMac;
        case SG_ERR_INVALID_MESSAGE:
        case SG_ERR_INVALID_PROTO_BUF:
        case SG_ERR_INVALID_VERSION: return SignalError::InvalidMessage;
        case SG_ERR_LEGACY_MESSAGE: return SignalError::LegacyMessage;
        case SG_ERR_NO_SESSION: return SignalError::NoSession;
        case SG_ERR_VRF_SIG_VERIF_FAILED: return SignalError::InvalidSignature;
        default: return SignalError::Internal;
        }
    }
};

namespace {

struct CAddress
{
    QByteArray name;
    signal_protocol_address address{};

    explicit CAddress(const SignalAddress &a) : name(a.name.toUtf8())
    {
        address.name = name.constData();
        address.name_len = size_t(name.size());
        address.device_id = int32_t(a.device);
    }
};

struct CSenderKeyName
{
    QByteArray group;
    CAddress sender;
    signal_protocol_sender_key_name name{};

    CSenderKeyName(const QString &groupId, const SignalAddress &a) : group(groupId.toUtf8()), sender(a)
    {
        name.group_id = group.constData();
        name.group_id_len = size_t(group.size());
        name.sender = sender.address;
    }
};

Expected<Ref<ec_public_key>, SignalError> decodePublic(signal_context *ctx, QByteArrayView raw)
{
    if (raw.size() != KeyPair::kKeySize)
        return SignalError::InvalidKey;
    const QByteArray typed = withType(raw);
    Ref<ec_public_key> key;
    if (curve_decode_point(key.out(), u8(typed), size_t(typed.size()), ctx) != 0)
        return SignalError::InvalidKey;
    return key;
}

} // namespace

SignalProtocol::SignalProtocol(SignalIdentity identity, SignalStore *store)
    : m_identity(std::move(identity)), m_store(store), d(std::make_unique<Private>())
{
    // A context that cannot be set up leaves d->store null; every operation then says Internal.
    if (!d->setUp(this) && d->store) {
        signal_protocol_store_context_destroy(d->store);
        d->store = nullptr;
    }
}

SignalProtocol::~SignalProtocol()
{
    if (d->store)
        signal_protocol_store_context_destroy(d->store);
}

Expected<bool, SignalError> SignalProtocol::processBundle(const SignalAddress &address, const PreKeyBundle &b)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    signal_context *ctx = d->context.get();
    auto identity = decodePublic(ctx, b.identityKey);
    auto spk = decodePublic(ctx, b.signedPreKey);
    if (!identity || !spk)
        return SignalError::InvalidKey;
    Ref<ec_public_key> opk;
    if (b.preKeyId) {
        auto decoded = decodePublic(ctx, b.preKey);
        if (!decoded)
            return decoded.error();
        opk = std::move(*decoded);
    }
    // libsignal reports a bad signature as an invalid key; checking first keeps the causes apart.
    if (b.signedPreKeySignature.size() != 64
        || !xeddsa::verify(b.identityKey, withType(b.signedPreKey), b.signedPreKeySignature))
        return SignalError::InvalidSignature;
    Ref<session_pre_key_bundle> bundle;
    if (int rc = session_pre_key_bundle_create(bundle.out(), b.registrationId, int(b.deviceId), b.preKeyId.value_or(0),
                                               opk.get(), b.signedPreKeyId, spk->get(), u8(b.signedPreKeySignature),
                                               size_t(b.signedPreKeySignature.size()), identity->get());
        rc != 0)
        return d->error(rc);
    CAddress a(address);
    session_builder *builder = nullptr;
    if (int rc = session_builder_create(&builder, d->store, &a.address, ctx); rc != 0)
        return d->error(rc);
    const int rc = session_builder_process_pre_key_bundle(builder, bundle.get());
    session_builder_free(builder);
    if (rc != 0)
        return d->error(rc);
    return d->identityChanged;
}

Expected<bool, SignalError> SignalProtocol::hasSession(const SignalAddress &address)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    CAddress a(address);
    const int rc = signal_protocol_session_contains_session(d->store, &a.address);
    if (rc < 0)
        return d->error(rc);
    return rc == 1;
}

Expected<void, SignalError> SignalProtocol::deleteSession(const SignalAddress &address)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    CAddress a(address);
    const int rc = signal_protocol_session_delete_session(d->store, &a.address);
    if (rc < 0)
        return d->error(rc);
    return {};
}

Expected<void, SignalError> SignalProtocol::forgetName(const QString &name)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    const QByteArray n = name.toUtf8();
    const int rc = signal_protocol_session_delete_all_sessions(d->store, n.constData(), size_t(n.size()));
    if (rc < 0)
        return d->error(rc);
    auto identities = m_store->keys(SignalRecordKind::Identity, n + '.');
    if (!identities)
        return SignalError::StoreUnavailable;
    QList<SignalChange> changes;
    for (const QByteArray &key : *identities)
        changes.append({SignalRecordKind::Identity, key, std::nullopt});
    if (!changes.isEmpty() && !m_store->apply(changes))
        return SignalError::StoreUnavailable;
    return {};
}

Expected<quint32, SignalError> SignalProtocol::remoteRegistrationId(const SignalAddress &address)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    CAddress a(address);
    session_cipher *cipher = nullptr;
    if (int rc = session_cipher_create(&cipher, d->store, &a.address, d->context.get()); rc != 0)
        return d->error(rc);
    uint32_t id = 0;
    const int rc = session_cipher_get_remote_registration_id(cipher, &id);
    session_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    return quint32(id);
}

Expected<SignalCiphertext, SignalError> SignalProtocol::encrypt(const SignalAddress &address, QByteArrayView plaintext)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    CAddress a(address);
    session_cipher *cipher = nullptr;
    if (int rc = session_cipher_create(&cipher, d->store, &a.address, d->context.get()); rc != 0)
        return d->error(rc);
    Ref<ciphertext_message> message;
    const int rc = session_cipher_encrypt(cipher, u8(plaintext), size_t(plaintext.size()), message.out());
    session_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    SignalCiphertext out;
    out.type = ciphertext_message_get_type(message.get()) == CIPHERTEXT_PREKEY_TYPE ? SignalCiphertext::Type::PkMsg
                                                                                     : SignalCiphertext::Type::Msg;
    signal_buffer *serialized = ciphertext_message_get_serialized(message.get());
    out.bytes = QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(serialized)),
                           qsizetype(signal_buffer_len(serialized)));
    return out;
}

Expected<SignalPlaintext, SignalError> SignalProtocol::decryptPreKeyMessage(const SignalAddress &address,
                                                                           QByteArrayView ciphertext)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    Ref<pre_key_signal_message> message;
    if (int rc = pre_key_signal_message_deserialize(message.out(), u8(ciphertext), size_t(ciphertext.size()),
                                                    d->context.get());
        rc != 0)
        return d->error(rc);
    CAddress a(address);
    session_cipher *cipher = nullptr;
    if (int rc = session_cipher_create(&cipher, d->store, &a.address, d->context.get()); rc != 0)
        return d->error(rc);
    Buffer plain;
    const int rc = session_cipher_decrypt_pre_key_signal_message(cipher, message.get(), nullptr, plain.out(true));
    session_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    return SignalPlaintext{plain.bytes(), d->identityChanged};
}

Expected<SignalPlaintext, SignalError> SignalProtocol::decryptMessage(const SignalAddress &address, QByteArrayView ciphertext)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    Ref<signal_message> message;
    if (int rc = signal_message_deserialize(message.out(), u8(ciphertext), size_t(ciphertext.size()), d->context.get());
        rc != 0)
        return d->error(rc);
    CAddress a(address);
    session_cipher *cipher = nullptr;
    if (int rc = session_cipher_create(&cipher, d->store, &a.address, d->context.get()); rc != 0)
        return d->error(rc);
    Buffer plain;
    const int rc = session_cipher_decrypt_signal_message(cipher, message.get(), nullptr, plain.out(true));
    session_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    return SignalPlaintext{plain.bytes(), false};
}

Expected<QByteArray, SignalError> SignalProtocol::senderKeyDistribution(const QString &groupId, const SignalAddress &self)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    CSenderKeyName name(groupId, self);
    group_session_builder *builder = nullptr;
    if (int rc = group_session_builder_create(&builder, d->store, d->context.get()); rc != 0)
        return d->error(rc);
    Ref<sender_key_distribution_message> skdm;
    const int rc = group_session_builder_create_session(builder, skdm.out(), &name.name);
    group_session_builder_free(builder);
    if (rc != 0)
        return d->error(rc);
    signal_buffer *serialized = ciphertext_message_get_serialized(reinterpret_cast<ciphertext_message *>(skdm.get()));
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(serialized)),
                      qsizetype(signal_buffer_len(serialized)));
}

Expected<GroupCiphertext, SignalError> SignalProtocol::groupEncrypt(const QString &groupId, const SignalAddress &self,
                                                                   QByteArrayView plaintext)
{
    auto skdm = senderKeyDistribution(groupId, self);
    if (!skdm)
        return skdm.error();
    d->begin();
    CSenderKeyName name(groupId, self);
    group_cipher *cipher = nullptr;
    if (int rc = group_cipher_create(&cipher, d->store, &name.name, d->context.get()); rc != 0)
        return d->error(rc);
    Ref<ciphertext_message> message;
    const int rc = group_cipher_encrypt(cipher, u8(plaintext), size_t(plaintext.size()), message.out());
    group_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    signal_buffer *serialized = ciphertext_message_get_serialized(message.get());
    return GroupCiphertext{QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(serialized)),
                                      qsizetype(signal_buffer_len(serialized))),
                           *skdm};
}

Expected<void, SignalError> SignalProtocol::processSenderKeyDistribution(const QString &groupId, const SignalAddress &sender,
                                                                        QByteArrayView distributionMessage)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    Ref<sender_key_distribution_message> skdm;
    if (int rc = sender_key_distribution_message_deserialize(skdm.out(), u8(distributionMessage),
                                                             size_t(distributionMessage.size()), d->context.get());
        rc != 0)
        return d->error(rc);
    CSenderKeyName name(groupId, sender);
    group_session_builder *builder = nullptr;
    if (int rc = group_session_builder_create(&builder, d->store, d->context.get()); rc != 0)
        return d->error(rc);
    const int rc = group_session_builder_process_session(builder, &name.name, skdm.get());
    group_session_builder_free(builder);
    if (rc != 0)
        return d->error(rc);
    return {};
}

Expected<QByteArray, SignalError> SignalProtocol::groupDecrypt(const QString &groupId, const SignalAddress &sender,
                                                              QByteArrayView ciphertext)
{
    if (!d->store || !m_store)
        return SignalError::Internal;
    d->begin();
    Ref<sender_key_message> message;
    if (int rc = sender_key_message_deserialize(message.out(), u8(ciphertext), size_t(ciphertext.size()), d->context.get());
        rc != 0)
        return d->error(rc);
    CSenderKeyName name(groupId, sender);
    group_cipher *cipher = nullptr;
    if (int rc = group_cipher_create(&cipher, d->store, &name.name, d->context.get()); rc != 0)
        return d->error(rc);
    Buffer plain;
    const int rc = group_cipher_decrypt(cipher, message.get(), nullptr, plain.out(true));
    group_cipher_free(cipher);
    if (rc != 0)
        return d->error(rc);
    return plain.bytes();
}

// ---------------------------------------------------------------------------------------------

QByteArray SignalProtocol::preKeyRecord(quint32 id, const KeyPair &pair)
{
    static thread_local Context ctx;
    if (!ctx.isValid() || !pair.isValid())
        return {};
    const QByteArray typed = withType(pair.pub);
    Ref<ec_public_key> pub;
    Ref<ec_private_key> priv;
    if (curve_decode_point(pub.out(), u8(typed), size_t(typed.size()), ctx.get()) != 0
        || curve_decode_private_point(priv.out(), u8(pair.priv), size_t(pair.priv.size()), ctx.get()) != 0)
        return {};
    Ref<ec_key_pair> keyPair;
    if (ec_key_pair_create(keyPair.out(), pub.get(), priv.get()) != 0)
        return {};
    Ref<session_pre_key> record;
    if (session_pre_key_create(record.out(), id, keyPair.get()) != 0)
        return {};
    Buffer out;
    if (session_pre_key_serialize(out.out(true), record.get()) != 0)
        return {};
    return out.bytes();
}

QByteArray SignalProtocol::preKeyRecordPublic(QByteArrayView recordBytes)
{
    static thread_local Context ctx;
    if (!ctx.isValid())
        return {};
    Ref<session_pre_key> record;
    if (session_pre_key_deserialize(record.out(), u8(recordBytes), size_t(recordBytes.size()), ctx.get()) != 0)
        return {};
    ec_key_pair *pair = session_pre_key_get_key_pair(record.get());
    Buffer pub;
    if (!pair || ec_public_key_serialize(pub.out(), ec_key_pair_get_public(pair)) != 0)
        return {};
    return withoutType(pub.bytes());
}

std::optional<PreKeyMessageInfo> SignalProtocol::inspectPreKeyMessage(QByteArrayView ciphertext)
{
    static thread_local Context ctx;
    if (!ctx.isValid())
        return std::nullopt;
    Ref<pre_key_signal_message> message;
    if (pre_key_signal_message_deserialize(message.out(), u8(ciphertext), size_t(ciphertext.size()), ctx.get()) != 0)
        return std::nullopt;
    PreKeyMessageInfo info;
    if (pre_key_signal_message_has_pre_key_id(message.get()))
        info.preKeyId = pre_key_signal_message_get_pre_key_id(message.get());
    info.signedPreKeyId = pre_key_signal_message_get_signed_pre_key_id(message.get());
    info.registrationId = pre_key_signal_message_get_registration_id(message.get());
    Buffer identity;
    if (ec_public_key_serialize(identity.out(), pre_key_signal_message_get_identity_key(message.get())) == 0)
        info.identityKey = withoutType(identity.bytes());
    return info;
}

} // namespace wagate::wa
