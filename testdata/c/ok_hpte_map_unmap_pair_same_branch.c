#include "qemu/osdep.h"
#include "hw/ppc/spapr.h"

/*
 * A hypercall that peeks at one PTE group. The map/unmap helpers choose the virtual hypervisor
 * or address_space_map on the same cpu->vhyp test; as a pair they balance, whatever the branch.
 */
const ppc_hash_pte64_t *ppc_hash64_map_hptes(PowerPCCPU *cpu, hwaddr ptex, int n)
{
    hwaddr plen = n * HASH_PTE_SIZE_64;

    if (cpu->vhyp) {
        return cpu->vhyp_class->map_hptes(cpu->vhyp, ptex, n);
    }
    return address_space_map(CPU(cpu)->as, ptex * HASH_PTE_SIZE_64, &plen, false,
                             MEMTXATTRS_UNSPECIFIED);
}

void ppc_hash64_unmap_hptes(PowerPCCPU *cpu, const ppc_hash_pte64_t *hptes, hwaddr ptex, int n)
{
    if (cpu->vhyp) {
        cpu->vhyp_class->unmap_hptes(cpu->vhyp, hptes, ptex, n);
        return;
    }
    address_space_unmap(CPU(cpu)->as, (void *)hptes, n * HASH_PTE_SIZE_64, false, n * HASH_PTE_SIZE_64);
}

static int peek_one(PowerPCCPU *cpu, target_ulong ptex, target_ulong *vp)
{
    const ppc_hash_pte64_t *hptes;
    target_ulong v;

    if (!ppc_hash64_valid_ptex(cpu, ptex)) {
        return -1;
    }
    // OK: MR006
    hptes = ppc_hash64_map_hptes(cpu, ptex, 1);
    v = ppc_hash64_hpte0(cpu, hptes, 0);
    ppc_hash64_unmap_hptes(cpu, hptes, ptex, 1);
    if ((v & HPTE64_V_VALID) == 0) {
        return 1;
    }
    *vp = v;
    return 0;
}

static target_ulong h_peek_ptes(PowerPCCPU *cpu, SpaprMachineState *spapr, target_ulong opcode,
                                target_ulong *args)
{
    int i;

    for (i = 0; i < 4; i++) {
        target_ulong v;

        switch (peek_one(cpu, args[i], &v)) {
        case 0:
            args[i] = v;
            break;
        case 1:
            args[i] = 0;
            break;
        default:
            return H_PARAMETER;
        }
    }
    return H_SUCCESS;
}

void spapr_peek_register(void)
{
    spapr_register_hypercall(0xf100, h_peek_ptes);
}
