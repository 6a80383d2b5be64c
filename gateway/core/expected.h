#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace wagate {

//! A value or an error (a small std::expected until C++23). Most code uses Result<T>, whose error is
//! the API's Error; protocol code names its own enum of causes, so each stays a value a caller can
//! switch on.
template<typename T, typename E>
class [[nodiscard]] Expected
{
    static_assert(!std::is_same_v<T, E>, "value and error types must differ");

public:
    Expected(const T &value) : m_v(std::in_place_index<0>, value) {}
    Expected(T &&value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Expected(const E &error) : m_v(std::in_place_index<1>, error) {}
    Expected(E &&error) : m_v(std::in_place_index<1>, std::move(error)) {}

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
    const E &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

//! Success without a value, or an error.
template<typename E>
class [[nodiscard]] Expected<void, E>
{
public:
    Expected() = default;
    Expected(const E &error) : m_error(error), m_ok(false) {}
    Expected(E &&error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const E &error() const { return m_error; }

private:
    E m_error{};
    bool m_ok = true;
};

} // namespace wagate
