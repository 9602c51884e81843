SELECT id, note AS id INTO TEMP order_ids FROM orders;
