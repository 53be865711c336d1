#ifndef SWIFTBOOK_SEEDED_RANDOM_H
#define SWIFTBOOK_SEEDED_RANDOM_H

#include <stdint.h>

/// Makes the standard library's random numbers (`Int.random(in:)`, `shuffled()`,
/// `SystemRandomNumberGenerator`) a seeded stream from here on, in the chapter program that
/// links the engine. See seeded_random.c.
void swiftbook_seed_system_random(uint64_t seed);

#endif
