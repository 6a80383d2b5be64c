#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace wagate::wa {

//! A value or a typed error (a small std::expected until C++23). Protocol code reports failures of
//! received data this way, so each cause stays a distinct enum value the caller can switch on.
template<typename T, typename E>
class [[nodiscard]] Expected
{
    static_assert(!std::is_same_v<T, E>, "value and error types must differ");

public:
    Expected(const T &value) : m_v(std::in_place_index<0>, value) {}
    Expected(T &&value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : m_v(std::in_place_index<1>, error) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    //! The error; only meaningful when !ok().
    E error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

//! Success without a value, or a typed error.
template<typename E>
class [[nodiscard]] Expected<void, E>
{
public:
    Expected() = default;
    Expected(E error) : m_error(error), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    E error() const { return m_error; }

private:
    E m_error{};
    bool m_ok = true;
};

} // namespace wagate::wa
