/* Test-only shim for Wine 8.0, which lacks bcryptprimitives.dll!ProcessPrng.
 * Rust's standard library imports ProcessPrng on Windows; real Windows 10+
 * has it. This DLL exports it and forwards to advapi32!SystemFunction036
 * (RtlGenRandom). It is placed beside the .exe under test only; never shipped. */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static RtlGenRandomFn gen = NULL;
    if (!gen) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi) return FALSE;
        gen = (RtlGenRandomFn)GetProcAddress(advapi, "SystemFunction036");
        if (!gen) return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!gen(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
