#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace wagate {

//! A value or an Error; results cross layers, exceptions do not.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_v(value) {}
    Result(T &&value) : m_v(std::move(value)) {}
    Result(const Error &error) : m_v(error) {}
    Result(Error &&error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

//! Result of an operation that yields nothing but may fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error), m_ok(false) {}
    Result(Error &&error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace wagate
