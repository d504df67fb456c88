// OK: MR006 object_ref of an iothread or a device is no region reference
/*
 * Hot-pluggable virtio device that pins its iothread and its peer device
 * with object_ref: QOM object references, not memory region references.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/iothread.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VPIN "vpin"
OBJECT_DECLARE_SIMPLE_TYPE(VpinState, VPIN)

struct VpinState {
    VirtIODevice parent_obj;

    IOThread *iothread;
    DeviceState *peer;
    QEMUBH *bh;
    MemoryRegion cfg;
};

static void vpin_bh(void *opaque)
{
}

static void vpin_realize(DeviceState *dev, Error **errp)
{
    VpinState *s = VPIN(dev);

    virtio_init(VIRTIO_DEVICE(dev), 44, 0);
    memory_region_init(&s->cfg, OBJECT(s), "vpin-cfg", 0x100);
    if (!s->iothread) {
        return;
    }
    // OK: MR006 the iothread is not a memory region
    object_ref(OBJECT(s->iothread));
    s->bh = aio_bh_new(iothread_get_aio_context(s->iothread), vpin_bh, s);
    // OK: MR006 a reference on the peer device, dropped by a link property
    object_ref(OBJECT(s->peer));
}

static void vpin_unrealize(DeviceState *dev)
{
    virtio_cleanup(VIRTIO_DEVICE(dev));
}

static void vpin_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vpin_realize;
    vdc->unrealize = vpin_unrealize;
}

static const TypeInfo vpin_info = {
    .name          = TYPE_VPIN,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VpinState),
    .class_init    = vpin_class_init,
};

static void vpin_register_types(void)
{
    type_register_static(&vpin_info);
}

type_init(vpin_register_types)
