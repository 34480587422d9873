// The CPU features that decide which OpenBLAS kernel fits, and the kernel each set of them gets.
// On x86-64: cpuid leaves 0, 1, 7 (subleaves 0 and 1), with xgetbv to check that the operating
// system saves the AVX and AVX-512 registers (Intel SDM vol. 2A, "CPUID"; vol. 1 §13.3). On
// ARM64 Linux: the kernel's HWCAP bits (getauxval, <asm/hwcap.h>).
#include "CBLAS.h"

#include <stddef.h>

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#include <string.h>

/// XCR0, the register states the operating system saves (only valid when OSXSAVE is set).
static unsigned long long extended_control_register(void) {
    unsigned eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

unsigned descent_cpu_features(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(0, &eax, &ebx, &ecx, &edx)) return 0;
    const unsigned highest = eax;
    char vendor[13] = {0};
    memcpy(vendor, &ebx, 4);
    memcpy(vendor + 4, &edx, 4);
    memcpy(vendor + 8, &ecx, 4);
    unsigned features = 0;
    if (strcmp(vendor, "AuthenticAMD") == 0 || strcmp(vendor, "HygonGenuine") == 0) features |= DESCENT_CPU_AMD;

    __get_cpuid(1, &eax, &ebx, &ecx, &edx);
    const int osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1, fma = (ecx >> 12) & 1;
    if (!osxsave || !avx) return features;
    const unsigned long long xcr0 = extended_control_register();
    if ((xcr0 & 0x6) != 0x6) return features;  // SSE and AVX state
    features |= DESCENT_CPU_AVX;
    if (highest < 7) return features;

    __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
    const int avx2 = (ebx >> 5) & 1;
    if (avx2 && fma) features |= DESCENT_CPU_AVX2_FMA;
    // F (16), DQ (17), CD (28), BW (30), VL (31), and the opmask and ZMM states (XCR0 bits 5–7).
    const unsigned avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
    if ((ebx & avx512) == avx512 && (xcr0 & 0xE0) == 0xE0 && (features & DESCENT_CPU_AVX2_FMA)) {
        features |= DESCENT_CPU_AVX512;
        __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx);
        if ((eax >> 5) & 1) features |= DESCENT_CPU_AVX512_BF16;
    }
    return features;
}

#elif defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>

unsigned descent_cpu_features(void) {
    const unsigned long hwcap = getauxval(AT_HWCAP);
    const unsigned long atomics = 1ul << 8, dot_product = 1ul << 20, sve = 1ul << 22;
    unsigned features = 0;
    if ((hwcap & atomics) && (hwcap & dot_product)) features |= DESCENT_CPU_ARM_V82;
    if (hwcap & sve) features |= DESCENT_CPU_ARM_SVE;
    return features;
}

#else
unsigned descent_cpu_features(void) { return 0; }
#endif

const char *descent_blas_core_type_for_features(unsigned features) {
    if (features & DESCENT_CPU_AVX512) return (features & DESCENT_CPU_AVX512_BF16) ? "Cooperlake" : "SkylakeX";
    if (features & DESCENT_CPU_AVX2_FMA) return (features & DESCENT_CPU_AMD) ? "Zen" : "Haswell";
    if (features & DESCENT_CPU_AVX) return "Sandybridge";
    if (features & DESCENT_CPU_ARM_SVE) return "NeoverseV1";
    if (features & DESCENT_CPU_ARM_V82) return "NeoverseN1";
    return NULL;
}
