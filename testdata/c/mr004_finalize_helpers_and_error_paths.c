#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qapi/error.h"
#include "system/address-spaces.h"
#include "system/memory.h"

/*
 * A crypto accelerator card whose instance_finalize does teardown that belongs in exit: through
 * a helper shared with exit (only the finalize path is reported), on the path taken when realize
 * failed half-way, and dropping a reference on its own region. Alongside, what finalize may do.
 */

typedef struct CryptoQueue {
    MemoryRegion doorbell;
    MemoryRegion ring;
} CryptoQueue;

typedef struct CryptoState {
    PCIDevice parent_obj;
    MemoryRegion bar;
    MemoryRegion cmd_win;
    MemoryRegion fifo;
    MemoryRegion *engine_mr;       /* another device's region, linked by property */
    MemoryRegion *overlay;
    MemoryRegion *banks;
    CryptoQueue *queue;
    AddressSpace dma_as;
    bool setup_failed;
} CryptoState;

OBJECT_DECLARE_SIMPLE_TYPE(CryptoState, CRYPTO)
#define TYPE_CRYPTO "crypto-acc"

static const MemoryRegionOps crypto_ops;

static void crypto_close_window(CryptoState *s)
{
    // BUG: MR004 s->cmd_win
    memory_region_del_subregion(&s->bar, &s->cmd_win);
}

/* Used from exit directly and from instance_finalize one level down. */
static void crypto_quiesce(CryptoState *s)
{
    crypto_close_window(s);
}

static void crypto_init(Object *obj)
{
    CryptoState *s = CRYPTO(obj);

    memory_region_init(&s->bar, obj, "crypto.bar", 0x10000);
    memory_region_init_io(&s->cmd_win, obj, &crypto_ops, s, "crypto.cmd", 0x1000);
    memory_region_init_io(&s->fifo, obj, &crypto_ops, s, "crypto.fifo", 0x100);
}

static void crypto_realize(PCIDevice *pdev, Error **errp)
{
    CryptoState *s = CRYPTO(pdev);
    int i;

    // BUG(legacy): MR001 after a failing realize returns
    memory_region_add_subregion(&s->bar, 0, &s->cmd_win);
    s->queue = g_new0(CryptoQueue, 1);
    memory_region_init_io(&s->queue->doorbell, OBJECT(s), &crypto_ops, s, "crypto.db", 4);
    memory_region_init_ram(&s->queue->ring, OBJECT(s), "crypto.ring", 0x1000, &error_fatal);
    s->banks = g_new0(MemoryRegion, 4);
    for (i = 0; i < 4; i++) {
        memory_region_init_io(&s->banks[i], OBJECT(s), &crypto_ops, s, "crypto.bank", 0x100);
    }
    s->overlay = g_new0(MemoryRegion, 1);
    memory_region_init_alias(s->overlay, OBJECT(s), "crypto.overlay", &s->bar, 0, 0x100);
    address_space_init(&s->dma_as, get_system_memory(), "crypto-dma");
    if (!s->engine_mr) {
        s->setup_failed = true;
        error_setg(errp, "crypto: no engine linked");
        return;
    }
    memory_region_ref(s->engine_mr);
    memory_region_add_subregion(&s->bar, 0x2000, &s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void crypto_exit(PCIDevice *pdev)
{
    CryptoState *s = CRYPTO(pdev);

    crypto_quiesce(s);
    memory_region_del_subregion(&s->bar, &s->fifo);
    // OK: MR004 unparenting in exit is the right place
    object_unparent(OBJECT(s->overlay));
    address_space_destroy(&s->dma_as);
}

static void crypto_finalize(Object *obj)
{
    CryptoState *s = CRYPTO(obj);

    crypto_quiesce(s);
    if (s->setup_failed) {
        /* realize failed after creating the FIFO: "clean up" what QOM already dropped */
        // BUG: MR004 s->fifo
        object_unparent(OBJECT(&s->fifo));
    } else {
        // BUG: MR004 s->cmd_win
        memory_region_unref(&s->cmd_win);
        // OK: MR004 the engine's region belongs to the engine: dropping the link's reference is fine
        memory_region_unref(s->engine_mr);
    }
    // OK: MR004 the heap struct that held the queue's regions
    g_free(s->queue);
    // OK: MR004 an array of regions
    g_free(s->banks);
    // OK: MR004 the overlay was unparented in exit; its storage goes here
    g_free(s->overlay);
}

static void crypto_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = crypto_realize;
    k->exit = crypto_exit;
}

static const TypeInfo crypto_info = {
    .name = TYPE_CRYPTO,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CryptoState),
    .instance_init = crypto_init,
    .instance_finalize = crypto_finalize,
    .class_init = crypto_class_init,
};

static void crypto_register_types(void)
{
    type_register_static(&crypto_info);
}

type_init(crypto_register_types)
