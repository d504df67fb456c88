/* Shared declarations of the hpbase NIC family (base.c, derived.c). */
#ifndef HPBASE_H
#define HPBASE_H

#include "hw/pci/pci_device.h"

#define TYPE_HPBASE "hpbase-nic"

typedef struct HpbaseState {
    PCIDevice parent_obj;

    uint8_t mac[6];
} HpbaseState;

#endif
