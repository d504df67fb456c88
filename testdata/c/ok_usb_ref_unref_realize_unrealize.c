// OK: MR001 ref in uc->realize balanced by unref in uc->unrealize
/*
 * USB gadget with an on-device scratch RAM it pins while realized.  The
 * USB device class hooks (uc->realize/uc->unrealize) take and drop the
 * reference.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/usb/usb.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_USBPIN "usbpin-gadget"
OBJECT_DECLARE_SIMPLE_TYPE(UsbpinState, USBPIN)

struct UsbpinState {
    USBDevice parent_obj;

    MemoryRegion scratch;
    uint8_t *scratch_ptr;
};

static void usbpin_realize(USBDevice *dev, Error **errp)
{
    UsbpinState *s = USBPIN(dev);

    if (!memory_region_init_ram(&s->scratch, OBJECT(s), "usbpin-scratch",
                                0x1000, errp)) {
        return;
    }
    s->scratch_ptr = memory_region_get_ram_ptr(&s->scratch);
    memory_region_ref(&s->scratch);
}

static void usbpin_unrealize(USBDevice *dev)
{
    UsbpinState *s = USBPIN(dev);

    s->scratch_ptr = NULL;
    memory_region_unref(&s->scratch);
}

static void usbpin_handle_reset(USBDevice *dev)
{
}

static void usbpin_class_init(ObjectClass *klass, const void *data)
{
    USBDeviceClass *uc = USB_DEVICE_CLASS(klass);

    uc->realize      = usbpin_realize;
    uc->unrealize    = usbpin_unrealize;
    uc->handle_reset = usbpin_handle_reset;
    uc->product_desc = "usbpin gadget";
}

static const TypeInfo usbpin_info = {
    .name          = TYPE_USBPIN,
    .parent        = TYPE_USB_DEVICE,
    .instance_size = sizeof(UsbpinState),
    .class_init    = usbpin_class_init,
};

static void usbpin_register_types(void)
{
    type_register_static(&usbpin_info);
}

type_init(usbpin_register_types)
