#pragma once

// Private to wa/signal: the libsignal-protocol-c global context with our crypto provider, and
// owning pointers for libsignal's reference-counted objects.

#include <signal_protocol.h>

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace wagate::wa::signal_detail {

//! A signal_context whose crypto provider is OpenSSL 3 (HMAC-SHA256, SHA-512, AES-CBC/CTR,
//! randomness). Curve25519 and XEdDSA are libsignal's own.
class Context
{
public:
    Context();
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    signal_context *get() const { return m_ctx; }
    bool isValid() const { return m_ctx != nullptr; }

private:
    signal_context *m_ctx = nullptr;
};

//! Owns one reference of a libsignal object (SIGNAL_UNREF on destruction).
template<typename T>
class Ref
{
public:
    Ref() = default;
    explicit Ref(T *p) : m_p(p) {}
    ~Ref() { reset(); }
    Ref(const Ref &) = delete;
    Ref &operator=(const Ref &) = delete;
    Ref(Ref &&o) noexcept : m_p(o.m_p) { o.m_p = nullptr; }
    Ref &operator=(Ref &&o) noexcept
    {
        if (this != &o) {
            reset();
            m_p = o.m_p;
            o.m_p = nullptr;
        }
        return *this;
    }

    T *get() const { return m_p; }
    T **out() { reset(); return &m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    void reset()
    {
        if (m_p)
            signal_type_unref(reinterpret_cast<signal_type_base *>(m_p));
        m_p = nullptr;
    }

private:
    T *m_p = nullptr;
};

//! Owns a signal_buffer; `wipe` zeroes it on release (private keys, plaintexts).
class Buffer
{
public:
    Buffer() = default;
    explicit Buffer(signal_buffer *b, bool wipe = false) : m_b(b), m_wipe(wipe) {}
    ~Buffer() { reset(); }
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;

    signal_buffer *get() const { return m_b; }
    signal_buffer **out(bool wipe = false) { reset(); m_wipe = wipe; return &m_b; }
    QByteArray bytes() const
    {
        return m_b ? QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(m_b)), qsizetype(signal_buffer_len(m_b)))
                   : QByteArray();
    }
    void reset()
    {
        if (m_b) {
            if (m_wipe)
                signal_buffer_bzero_free(m_b);
            else
                signal_buffer_free(m_b);
        }
        m_b = nullptr;
    }

private:
    signal_buffer *m_b = nullptr;
    bool m_wipe = false;
};

inline const uint8_t *u8(QByteArrayView v)
{
    static const uint8_t empty = 0;
    return v.isEmpty() ? &empty : reinterpret_cast<const uint8_t *>(v.data());
}

//! 05 || raw: the 33-byte form libsignal wants for public keys.
inline QByteArray withType(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size() + 1);
    out.append('\x05');
    out.append(raw);
    return out;
}

//! The raw 32 bytes of a 33-byte 05-prefixed key; empty for anything else.
inline QByteArray withoutType(QByteArrayView typed)
{
    if (typed.size() != 33 || typed.at(0) != '\x05')
        return {};
    return typed.sliced(1).toByteArray();
}

} // namespace wagate::wa::signal_detail
