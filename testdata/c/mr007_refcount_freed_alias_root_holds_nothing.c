/*
 * PCI function whose DMA address space is over a heap alias of its own
 * buffer, both owned by the function.  Exit frees the alias's storage
 * before it destroys the address space, and instance_finalize frees the
 * address space with g_free_rcu.
 *
 * Legacy and current QEMU: the address space's reference is on the
 * function, which is finalized only after the destroy's RCU callback.  With
 * the refcount series the reference is on the alias, whose storage is gone:
 * neither it nor the buffer it aliased hold the function any more (qdev
 * unparents the buffer after exit and nothing else holds it), so the
 * function is finalized at unplug and g_free_rcu replaces the callback that
 * is still queued.  (Freeing the alias under a live address space is wrong
 * under every semantics.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ALIASFREE "aliasfree"
OBJECT_DECLARE_SIMPLE_TYPE(AliasfreeState, ALIASFREE)

struct AliasfreeState {
    PCIDevice parent_obj;

    MemoryRegion buf;
    MemoryRegion *view;
    AddressSpace *dma_as;
};

static void aliasfree_realize(PCIDevice *pdev, Error **errp)
{
    AliasfreeState *s = ALIASFREE(pdev);

    memory_region_init_ram(&s->buf, OBJECT(s), "aliasfree.buf", 0x1000, &error_fatal);
    s->view = g_new0(MemoryRegion, 1);
    memory_region_init_alias(s->view, OBJECT(s), "aliasfree.view", &s->buf, 0, 0x1000);
    s->dma_as = g_new0(AddressSpace, 1);
    address_space_init(s->dma_as, s->view, "aliasfree.dma");
}

static void aliasfree_exit(PCIDevice *pdev)
{
    AliasfreeState *s = ALIASFREE(pdev);

    g_free(s->view);
    address_space_destroy(s->dma_as);
}

static void aliasfree_instance_finalize(Object *obj)
{
    AliasfreeState *s = ALIASFREE(obj);

    // BUG(refcount): MR007 replaces the destroy's RCU callback
    g_free_rcu(s->dma_as, rcu);
}

static void aliasfree_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = aliasfree_realize;
    k->exit = aliasfree_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1349;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo aliasfree_info = {
    .name          = TYPE_ALIASFREE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(AliasfreeState),
    .instance_finalize = aliasfree_instance_finalize,
    .class_init    = aliasfree_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void aliasfree_register_types(void)
{
    type_register_static(&aliasfree_info);
}

type_init(aliasfree_register_types)
